package dev.rclonebackup;

/**
 * Receives the eight backup events. Register one with {@link RcloneBackup.Builder#listener} or
 * list it in {@code META-INF/services/dev.rclonebackup.BackupListener} to have it found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>An exception thrown from a {@code before…} method aborts the operation before anything is
 * changed; the exception is reported as the operation's failure. Exceptions thrown from an
 * {@code after…} method fail the operation too, but what it did is not undone.
 */
public interface BackupListener {

    /** A database backup is about to start. */
    default void beforeDbBackup(String database) {
    }

    /** A database backup completed; {@code path} is its final remote path ({@code db/NAME}). */
    default void afterDbBackup(String database, String path) {
    }

    /** A database restore from {@code path} ({@code db/NAME}) is about to start. */
    default void beforeDbRestore(String database, String path) {
    }

    /** A database restore completed. */
    default void afterDbRestore(String database) {
    }

    /** A media backup is about to start. */
    default void beforeMediaBackup() {
    }

    /** A media backup completed. */
    default void afterMediaBackup() {
    }

    /** A media restore is about to start. */
    default void beforeMediaRestore() {
    }

    /** A media restore completed. */
    default void afterMediaRestore() {
    }
}
