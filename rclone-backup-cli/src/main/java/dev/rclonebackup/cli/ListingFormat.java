package dev.rclonebackup.cli;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaListing;

import java.util.List;

/** Renders listbackups' tables exactly as specified (column widths, dashes, sizes, UTC times). */
public final class ListingFormat {
    private ListingFormat() {
    }

    /** The database backups table, or {@code No database backups found.} — one string per line. */
    public static List<String> backups(List<BackupFile> backups) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The media summary and table, or {@code No media backups found.} — one string per line. */
    public static List<String> media(MediaListing listing) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code 512 B}, else one decimal with KB/MB/GB/TB/PB by powers of 1024. */
    public static String size(long bytes) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
