package dev.rclonebackup.internal.connector.mongodb;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A temporary file readable only by its owner (created with mode 0600, never wider), holding the
 * values the MongoDB tools read with {@code --config}. It is written as a JSON object, which YAML
 * parsers read as a flow mapping, so no value needs hand-made YAML escaping. Closing deletes it.
 */
final class PrivateConfigFile implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path path;

    private PrivateConfigFile(Path path) {
        this.path = path;
    }

    /** Creates the file with {@code values} (keys as the tools expect them). */
    static PrivateConfigFile write(Map<String, String> values) throws IOException {
        Path path = Files.createTempFile(
                "rclone-backup-mongo-", ".yaml", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        try {
            Files.writeString(path, json(values));
            return new PrivateConfigFile(path);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    private static String json(Map<String, String> values) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            generator.writeStartObject();
            values.forEach(generator::writeStringProperty);
            generator.writeEndObject();
        }
        return text + "\n";
    }

    Path path() {
        return path;
    }

    /** Deletes the file, or if that fails, leaves it to be deleted when the JVM exits. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }
}
