package dev.rclonebackup.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector contract on the custom connector of docs/connectors.md, compiled from the page:
 * its "database" is a directory, so the sample is a set of files rather than rows. The page's own,
 * shorter contract test of it is compiled too.
 */
class DirectoryConnectorContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DIRECTORIES = new AtomicInteger();

    /** Every byte value once, unicode, an empty file and a nested folder. */
    private static final Map<String, byte[]> SAMPLE_FILES = sampleFiles();

    @TempDir
    Path work;

    private Connector connector;

    private static Map<String, byte[]> sampleFiles() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        return Map.of(
                "all-bytes.bin",
                allBytes,
                "Grüße 世界 🚀.txt",
                "Grüße, 世界 🚀\n'single' \"double\"\n".getBytes(StandardCharsets.UTF_8),
                "empty",
                new byte[0],
                "nested/deeper/index.json",
                "{\"segments\": 3}\n".getBytes(StandardCharsets.UTF_8));
    }

    private ClassLoader docs;

    @BeforeEach
    void compileTheExamplesOfTheDocs() throws Exception {
        docs = DocsConnector.compile(Files.createDirectories(work.resolve("compiled")));
        connector = docs.loadClass(DocsConnector.CONNECTOR)
                .asSubclass(Connector.class)
                .getConstructor()
                .newInstance();
    }

    @Test
    void theDocsContractTestOfTheConnectorExtendsTheContract() throws Exception {
        assertThat(docs.loadClass(DocsConnector.CONTRACT_TEST)).isAssignableTo(AbstractConnectorContractTest.class);
    }

    @Override
    protected List<Connector> connectors() {
        return List.of(connector);
    }

    /** The engine of the entries is mapped to the connector's id, as the docs' configuration does. */
    @Override
    protected Settings.Builder configure(Settings.Builder settings) {
        return settings.connectorMapping("directory", "directory");
    }

    @Override
    protected String expectedConnectorId() {
        return "directory";
    }

    @Override
    protected DatabaseSettings newDatabase() throws Exception {
        return directory(Files.createDirectories(work.resolve("data-" + DIRECTORIES.incrementAndGet())));
    }

    private static DatabaseSettings directory(Path directory) {
        return DatabaseSettings.builder()
                .engine("directory")
                .name(directory.toString())
                .build();
    }

    /** A directory has no password: a missing one cannot be archived. */
    @Override
    protected DatabaseSettings brokenDatabase(DatabaseSettings working) {
        return directory(work.resolve("missing"));
    }

    @Override
    protected void writeSample(DatabaseSettings database) throws Exception {
        for (Map.Entry<String, byte[]> file : SAMPLE_FILES.entrySet()) {
            Path path = Path.of(database.name()).resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }

    /** Changes one file, deletes one and adds one. */
    @Override
    protected void changeSample(DatabaseSettings database) throws Exception {
        Path directory = Path.of(database.name());
        Files.writeString(directory.resolve("nested/deeper/index.json"), "{}");
        Files.delete(directory.resolve("empty"));
        Files.writeString(directory.resolve("added after the backup"), "new");
    }

    /** Every file under the directory with its content in hex, by relative path. */
    @Override
    protected Object readSample(DatabaseSettings database) throws Exception {
        Path directory = Path.of(database.name());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString(), HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    @Override
    protected Object expectedSample() {
        Map<String, String> files = new TreeMap<>();
        SAMPLE_FILES.forEach((name, content) -> files.put(name, HexFormat.of().formatHex(content)));
        return files;
    }
}
