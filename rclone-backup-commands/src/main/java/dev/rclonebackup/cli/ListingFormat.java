package dev.rclonebackup.cli;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaFile;
import dev.rclonebackup.MediaListing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders listbackups' tables exactly as specified, column for column the same as the tool this
 * one is compatible with, so that scripts reading either output keep working:
 * <ul>
 *   <li>database backups: Name left-aligned in 50, Size right-aligned in 12, Modified
 *       left-aligned in 25, separated by one space, under a line of 87 dashes;</li>
 *   <li>media: a {@code Media files: N, Total size: S} summary, a blank line, then Path
 *       left-aligned in 60 and Size right-aligned in 12 under 72 dashes.</li>
 * </ul>
 * The header lines use the same widths as the rows. Values longer than their column are not cut.
 */
public final class ListingFormat {
    private static final int NAME_WIDTH = 50;
    private static final int SIZE_WIDTH = 12;
    private static final int MODIFIED_WIDTH = 25;
    private static final int PATH_WIDTH = 60;
    private static final String UNKNOWN_SIZE = "-";
    private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB"};
    private static final BigDecimal KIB = BigDecimal.valueOf(1024);
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private ListingFormat() {}

    /** The database backups table, or {@code No database backups found.} — one string per line. */
    public static List<String> backups(List<BackupFile> backups) {
        if (backups.isEmpty()) {
            return List.of("No database backups found.");
        }
        List<String> lines = new ArrayList<>();
        lines.add(backupRow("Name", "Size", "Modified"));
        lines.add("-".repeat(NAME_WIDTH + SIZE_WIDTH + MODIFIED_WIDTH));
        for (BackupFile backup : backups) {
            String modified = UTC_SECONDS.format(backup.modified().truncatedTo(ChronoUnit.SECONDS));
            lines.add(backupRow(backup.name(), size(backup.size()), modified));
        }
        return lines;
    }

    private static String backupRow(String name, String size, String modified) {
        return left(name, NAME_WIDTH) + " " + right(size, SIZE_WIDTH) + " " + left(modified, MODIFIED_WIDTH);
    }

    /** The media summary and table, or {@code No media backups found.} — one string per line. */
    public static List<String> media(MediaListing listing) {
        if (listing.files().isEmpty()) {
            return List.of("No media backups found.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Media files: " + listing.files().size() + ", Total size: " + size(listing.totalSize()));
        lines.add("");
        lines.add(mediaRow("Path", "Size"));
        lines.add("-".repeat(PATH_WIDTH + SIZE_WIDTH));
        for (MediaFile file : listing.files()) {
            lines.add(mediaRow(file.path(), size(file.size())));
        }
        return lines;
    }

    private static String mediaRow(String path, String size) {
        return left(path, PATH_WIDTH) + " " + right(size, SIZE_WIDTH);
    }

    /**
     * {@code 512 B} below 1024 bytes, else one decimal with KB/MB/GB/TB/PB by powers of 1024
     * ({@code 1.5 KB}, {@code 156.3 MB}). Halves round to even on the exact value, as Python's
     * formatting does, so both tools print the same size for the same file. A size the remote does
     * not know (rclone reports -1, e.g. for files of some web and document backends) is {@code -}.
     */
    public static String size(long bytes) {
        if (bytes < 0) {
            return UNKNOWN_SIZE;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = -1;
        do {
            value = value.divide(KIB);
            unit++;
        } while (value.compareTo(KIB) >= 0 && unit < UNITS.length - 1);
        // Python divides in binary floating point; rounding that double keeps the outputs identical.
        BigDecimal rounded = new BigDecimal(value.doubleValue()).setScale(1, RoundingMode.HALF_EVEN);
        return rounded.toPlainString() + " " + UNITS[unit];
    }

    private static String left(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
