package dev.rclonebackup.connector;

import java.io.IOException;
import java.util.Optional;

/**
 * Service provider interface: describes how to dump and restore one kind of database. A
 * connector never starts processes or touches rclone; it returns {@link Step}s that the core
 * runs. Implementations need a public no-argument constructor, so they can be named by class
 * in the configuration ({@code connectors} / {@code connector-mapping}) or listed in
 * {@code META-INF/services/dev.rclonebackup.connector.Connector}.
 */
public interface Connector {

    /**
     * The id used in {@code connectors} and {@code connector-mapping}, e.g. {@code postgresql}.
     * Custom connectors default to their class name.
     */
    default String id() {
        return getClass().getName();
    }

    /** The file extension of its backups, without the dot (e.g. {@code dump}, {@code sql}). */
    String extension();

    /** Describes the dump of {@code database}; its output becomes the backup file. */
    Dump dump(Database database) throws IOException;

    /** Describes the restore of {@code database} from a backup stream. */
    Restore restore(Database database) throws IOException;

    /**
     * Describes how to verify a backup of {@code database} in a scratch copy ({@code dbverify}):
     * empty, the default, when this connector cannot.
     */
    default Optional<Verification> verification(Database database) throws IOException {
        return Optional.empty();
    }
}
