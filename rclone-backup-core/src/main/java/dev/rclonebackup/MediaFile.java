package dev.rclonebackup;

/**
 * A file of the media copy on the remote.
 *
 * @param path path relative to the media folder, with {@code /} separators
 * @param size size in bytes (-1 when the remote does not know it)
 */
public record MediaFile(String path, long size) {}
