package dev.rclonebackup.internal.connector.sqlite;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * SQLite through the {@code sqlite3} shell: the backup is its {@code .dump} (plain SQL).
 *
 * <p>A restore builds a new database in a temporary file beside the live one and, only when
 * that succeeded, renames it over the live one in a single atomic step (see
 * {@link SqliteRestore}); a failed restore leaves the live database untouched, and a
 * successful one removes the old file's {@code -wal}, {@code -shm} and {@code -journal}. Stop
 * the application before restoring: a connection still open on the old file keeps seeing the
 * old data.
 *
 * <p>The backup is the {@code .dump} of one read transaction, followed by the header fields
 * {@code .dump} leaves out ({@code user_version}, {@code application_id}, WAL mode); see
 * {@link SqliteDump}. A dump that sqlite3 ends with {@code ROLLBACK; -- due to errors} is a
 * failed backup.
 *
 * <p>Options: {@code busy-timeout} (default 30 s) is how long a backup waits for a database that
 * another connection has locked. {@code dump-args} and {@code restore-args} are passed to
 * {@code sqlite3} before the file name (e.g. {@code -cmd}, {@code PRAGMA …}).
 */
public class SqliteConnector implements Connector {
    public static final String ID = "sqlite";
    static final String PACKAGE = "sqlite3";
    /** The option naming how long a backup waits for a database another connection has locked. */
    public static final String BUSY_TIMEOUT = "busy-timeout";

    static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String extension() {
        return "sqlite3";
    }

    @Override
    public Dump dump(Database database) {
        Path file = file(database);
        // sqlite3 would silently create a missing file and back up an empty database.
        if (!Files.isRegularFile(file)) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "SQLite database file " + file + " of database '" + database.alias() + "' does not exist.");
        }
        Duration busyTimeout = database.durationOption(BUSY_TIMEOUT, DEFAULT_BUSY_TIMEOUT);
        return new SqliteDump(file, database.listOption("dump-args"), busyTimeout);
    }

    /** Restores into the file itself: when the configured path is a symbolic link, its target is replaced. */
    @Override
    public Restore restore(Database database) throws IOException {
        Path file = file(database);
        if (Files.exists(file)) {
            file = file.toRealPath();
        }
        return new SqliteRestore(file, database.listOption("restore-args"));
    }

    /**
     * Verifies in a new file in a private temporary folder, which {@code PRAGMA integrity_check}
     * must find intact.
     */
    @Override
    public Optional<Verification> verification(Database database) {
        return Optional.of(new SqliteVerification(database));
    }

    /** The database file as an absolute path, which also keeps a name like {@code -x} from reading as an option. */
    private static Path file(Database database) {
        return Path.of(database.name()).toAbsolutePath().normalize();
    }
}
