package dev.rclonebackup;

import java.util.List;

/**
 * The media copy on the remote: its files sorted by path, and their total size in bytes (-1 when
 * the size of some file is unknown).
 */
public record MediaListing(List<MediaFile> files, long totalSize) {
    public MediaListing {
        files = List.copyOf(files);
    }
}
