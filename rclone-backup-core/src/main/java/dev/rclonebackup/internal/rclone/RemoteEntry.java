package dev.rclonebackup.internal.rclone;

import java.time.Instant;

/**
 * One entry of {@code rclone lsjson}.
 *
 * @param path     path relative to the listed folder, with {@code /} separators
 * @param name     file name
 * @param size     size in bytes (-1 when unknown)
 * @param modified modification time
 * @param dir      true for a folder
 */
public record RemoteEntry(String path, String name, long size, Instant modified, boolean dir) {}
