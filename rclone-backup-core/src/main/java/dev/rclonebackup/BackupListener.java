package dev.rclonebackup;

/**
 * Receives every {@link BackupEvent}. Register one with {@link RcloneBackup.Builder#listener} or
 * list it in {@code META-INF/services/dev.rclonebackup.BackupListener} to have it found by
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * BackupListener audit = event -> {
 *     if (event instanceof BackupEvent.AfterDbBackup stored) {
 *         log.info("stored {}", stored.path());
 *     }
 * };
 * }</pre>
 *
 * <p>An exception thrown for a {@code Before…} event aborts the operation before anything is
 * changed; the exception is reported as the operation's failure. An exception thrown for an
 * {@code After…} event fails the operation too, but what it did is not undone. An exception thrown
 * for a failure event ({@code db-backup-failed} …) is reported as a warning only.
 */
@FunctionalInterface
public interface BackupListener {

    /** Called synchronously, on the thread running the operation. */
    void on(BackupEvent event);
}
