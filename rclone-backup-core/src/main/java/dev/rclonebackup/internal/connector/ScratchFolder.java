package dev.rclonebackup.internal.connector;

import dev.rclonebackup.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder (owner only) for a verify's scratch database file, deleted with
 * whatever the engine left beside the file. File-based engines (SQLite, H2) verify in one.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;
    private final Reporter reporter;

    private ScratchFolder(Path path, Reporter reporter) {
        this.path = path;
        this.reporter = reporter;
    }

    /** Creates the folder under {@code java.io.tmpdir}; {@code reporter} hears when it cannot be deleted. */
    public static ScratchFolder create(Reporter reporter) throws IOException {
        return new ScratchFolder(
                Files.createTempDirectory(
                        "rclone-backup-verify-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))),
                reporter);
    }

    /** {@code name} inside the folder. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the folder and everything in it; a failure is a warning, never an exception. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            reporter.warning("Could not delete the scratch folder " + path + " of a verify: " + e.getMessage());
        }
    }
}
