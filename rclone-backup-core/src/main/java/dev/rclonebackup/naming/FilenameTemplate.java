package dev.rclonebackup.naming;

import java.time.Instant;
import java.util.Optional;

/**
 * The backup file name template ({@code db.filename-template}) with its date format
 * ({@code db.date-format}, rendered in UTC). Renders names and parses them back to their
 * database alias; names that do not parse, and partial uploads, are not backups.
 */
public final class FilenameTemplate {

    /**
     * @throws dev.rclonebackup.ConfigurationException naming {@code db.filename-template} or
     *         {@code db.date-format} when the template breaks the rules
     */
    public static FilenameTemplate of(String template, String dateFormat) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The file name for a backup of {@code database} taken at {@code time}. */
    public String render(String database, Instant time, String extension) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The database alias of a backup file name, or empty when {@code name} is not a backup. */
    public Optional<String> databaseOf(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The timestamp in a backup file name, or empty when it has none or does not parse. */
    public Optional<Instant> timeOf(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
