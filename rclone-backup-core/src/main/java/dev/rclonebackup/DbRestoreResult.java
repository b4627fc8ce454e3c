package dev.rclonebackup;

import java.time.Duration;

/**
 * Outcome of {@link RcloneBackup#dbRestore}.
 *
 * @param database  the database alias restored into
 * @param path      the remote path restored from, e.g. {@code db/default-2024-01-15-120000.dump}
 * @param cancelled true when the confirmation declined; nothing was changed then
 * @param duration  how long the restore took
 * @param from      the database whose backup was restored: {@code database} itself, unless
 *                  restored from another database's backup
 */
public record DbRestoreResult(String database, String path, boolean cancelled, Duration duration, String from) {

    /** The outcome of a restore of {@code database} from one of its own backups. */
    public DbRestoreResult(String database, String path, boolean cancelled, Duration duration) {
        this(database, path, cancelled, duration, database);
    }
}
