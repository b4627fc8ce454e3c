package dev.rclonebackup;

import java.time.Duration;

/**
 * Outcome of {@link RcloneBackup#mediaBackup} and {@link RcloneBackup#mediaRestore}.
 *
 * @param source      what was synced from (a local folder or a remote path)
 * @param destination what was synced to
 * @param dryRun      true when rclone only showed what would change
 * @param duration    how long it took
 */
public record MediaResult(String source, String destination, boolean dryRun, Duration duration) {}
