package dev.rclonebackup;

import java.time.Duration;

/**
 * Outcome of {@link RcloneBackup#dbRestore}.
 *
 * @param database  the database alias
 * @param path      the remote path restored from, e.g. {@code db/default-2024-01-15-120000.dump}
 * @param cancelled true when the confirmation declined; nothing was changed then
 * @param duration  how long the restore took
 */
public record DbRestoreResult(String database, String path, boolean cancelled, Duration duration) {}
