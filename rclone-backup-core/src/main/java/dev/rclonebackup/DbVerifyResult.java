package dev.rclonebackup;

import java.time.Duration;

/**
 * Outcome of {@link RcloneBackup#dbVerify}: the backup restored cleanly into a scratch target,
 * which has been removed again.
 *
 * @param database the database alias
 * @param path     the remote path verified, e.g. {@code db/default-2024-01-15-120000.dump}
 * @param scratch  the scratch database or file it was restored into
 * @param tables   how many tables the restored backup holds
 * @param rows     how many rows those tables hold
 * @param duration how long the verify took
 */
public record DbVerifyResult(String database, String path, String scratch, long tables, long rows, Duration duration) {}
