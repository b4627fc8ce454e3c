package dev.rclonebackup;

import java.time.Instant;

/**
 * A database backup stored on the remote.
 *
 * @param name     file name, e.g. {@code default-2024-01-15-120000.dump}
 * @param database the database alias parsed from the name
 * @param size     size in bytes (-1 when the remote does not know it)
 * @param modified modification time on the remote
 */
public record BackupFile(String name, String database, long size, Instant modified) {}
