package dev.rclonebackup;

import java.time.Duration;
import java.util.List;

/**
 * Outcome of {@link RcloneBackup#dbBackup}.
 *
 * @param database the database alias
 * @param path     the backup's remote path relative to the remote, e.g. {@code db/default-2024-01-15-120000.dump}
 * @param size     bytes stored, or -1 when rclone did not report it
 * @param duration how long the dump and upload took
 * @param removed  remote paths of old backups deleted by retention (empty without clean-up)
 */
public record DbBackupResult(String database, String path, long size, Duration duration, List<String> removed) {
    public DbBackupResult {
        removed = List.copyOf(removed);
    }
}
