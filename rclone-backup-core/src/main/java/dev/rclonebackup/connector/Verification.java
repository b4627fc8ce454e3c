package dev.rclonebackup.connector;

import dev.rclonebackup.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How to verify a backup of one database without touching it: the core calls
 * {@link #createScratch(Reporter)}, restores the backup through the connector's own
 * {@link Connector#restore(Database)} of the entry it returned, calls {@link #check()}, and
 * finally {@link #close()} in every case — after a failure and after an interrupt too.
 *
 * <p>Example: the PostgreSQL connector creates an empty database {@code NAME_verify_XXXXXXXX}
 * through the server's maintenance database, counts the restored tables and rows, and drops it.
 */
public interface Verification extends AutoCloseable {

    /**
     * Creates the empty scratch target (a database, a file) and returns the configured entry
     * pointed at it, for the connector's normal restore.
     */
    Database createScratch(Reporter reporter) throws IOException;

    /** The scratch target's name for messages, e.g. {@code app_verify_1a2b3c4d} or a file. */
    String scratchName();

    /**
     * Checks the restored scratch target and counts what it holds.
     *
     * @throws IOException naming what is wrong with it, in the tool's words where it gave any
     */
    Contents check() throws IOException;

    /**
     * Removes the scratch target, if it was created, in bounded time; reports (never throws) when
     * it could not. Called with the thread's interrupt status cleared, so that it also runs after
     * an interrupt.
     */
    @Override
    void close();

    /**
     * What a restored backup holds.
     *
     * @param tables the number of the application's tables (not those of the system or of extensions)
     * @param rows   the number of rows in those tables, counted exactly
     */
    record Contents(long tables, long rows) {}

    /**
     * A scratch name: {@code base} (shortened when needed), {@code _verify_} and eight random hex
     * digits, at most {@code maxBytes} bytes in UTF-8.
     */
    static String scratchName(String base, int maxBytes) {
        String suffix = "_verify_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return shortened(base, maxBytes - suffix.length()) + suffix;
    }

    /** {@code text} cut to at most {@code maxBytes} bytes of UTF-8, at a character boundary. */
    private static String shortened(String text, int maxBytes) {
        String shortened = text;
        while (shortened.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened;
    }
}
