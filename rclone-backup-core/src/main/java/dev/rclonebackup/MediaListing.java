package dev.rclonebackup;

import java.util.List;

/**
 * The media copy on the remote: its files sorted by path, and their total size.
 */
public record MediaListing(List<MediaFile> files, long totalSize) {
    public MediaListing {
        files = List.copyOf(files);
    }
}
