package dev.rclonebackup.spring;

import java.time.Duration;

/** Records the outcome of each operation run through {@link RcloneBackupOperations}. */
public interface BackupMetrics {

    /** Records nothing. */
    BackupMetrics NONE = new BackupMetrics() {};

    /**
     * An operation succeeded.
     *
     * @param operation {@code db-backup}, {@code db-restore}, {@code db-verify}, {@code cleanup},
     *                  {@code media-backup} or {@code media-restore}
     * @param database  the database alias, or {@code none} for media operations
     * @param size      bytes stored, or -1 when unknown or not applicable
     */
    default void success(String operation, String database, Duration duration, long size) {}

    /** An operation failed after {@code duration}. */
    default void failure(String operation, String database, Duration duration) {}
}
