package dev.rclonebackup;

/**
 * A file of the media copy on the remote.
 *
 * @param path path relative to the media folder, with {@code /} separators
 * @param size size in bytes
 */
public record MediaFile(String path, long size) {
}
