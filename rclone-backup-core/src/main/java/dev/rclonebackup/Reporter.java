package dev.rclonebackup;

/**
 * Where the operations tell a person what they do. The command line prints these lines
 * according to its verbosity; a library user may log them or ignore them ({@link #SILENT}).
 * No message ever contains a credential.
 */
public interface Reporter {

    /** Ignores everything. */
    Reporter SILENT = new Reporter() {};

    /** A line shown at the default verbosity, e.g. {@code Backup completed: db/x.dump}. */
    default void info(String message) {}

    /** A success line, shown at the default verbosity (the CLI colours it green). */
    default void success(String message) {
        info(message);
    }

    /**
     * Something the user should know although the operation goes on, e.g. what a restore could
     * not bring back; shown at the default verbosity.
     */
    default void warning(String message) {
        info("Warning: " + message);
    }

    /**
     * A failure that does not end the run, shown at every verbosity: one database's backup failed
     * while the others go on. The message is the failure's sentence, without an {@code Error:} prefix.
     */
    default void failure(String message) {
        info("Error: " + message);
    }

    /** Detail shown at verbosity 2: command lines run (credentials redacted), sizes, durations. */
    default void detail(String message) {}

    /** A diagnostic line printed by an external tool ({@code tool}), shown at verbosity 3. */
    default void toolOutput(String tool, String line) {}

    /**
     * Live progress of a streamed transfer: bytes so far and the current rate in bytes per
     * second. Called from a background thread; the CLI shows it only on a terminal.
     */
    default void progress(long bytes, double bytesPerSecond) {}

    /** The transfer that reported {@link #progress} has ended. */
    default void progressDone() {}
}
