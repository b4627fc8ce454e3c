package dev.rclonebackup.internal.connector.mysql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a mysqldump backup to the restore client, looking only at the start of each line, in a
 * fixed buffer (memory stays flat whatever the backup's size):
 * <ul>
 *   <li>When {@code rewriteDefiners} is set, the {@code DEFINER=user@host} clause that mysqldump
 *       writes at the start of a view, trigger, routine or event definition becomes
 *       {@code DEFINER=CURRENT_USER}, so an account that may not act for other accounts can restore
 *       objects another account created. Data rows never start with those words, as mysqldump
 *       writes each {@code INSERT} on a line of its own with line breaks escaped.</li>
 *   <li>A backup that begins with mysqldump's header comment must end with its
 *       {@code -- Dump completed} line; otherwise it was cut short, even if at a statement
 *       boundary, and the copy fails at its end.</li>
 * </ul>
 */
final class RestoreStream {
    private static final int PREFIX_LIMIT = 4096;
    private static final int HEADER_LINES = 3;
    private static final Pattern DEFINER =
            Pattern.compile("DEFINER=(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|\\\\.)*'|[A-Za-z0-9_$.-]+)"
                    + "@(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|\\\\.)*'|[A-Za-z0-9_$.%:-]+)");

    private final boolean rewriteDefiners;
    private final byte[] prefix = new byte[PREFIX_LIMIT];
    private int prefixLength;
    private boolean inPrefix = true;
    private int lines;
    private boolean hasHeader;
    private String lastLine = "";

    private RestoreStream(boolean rewriteDefiners) {
        this.rewriteDefiners = rewriteDefiners;
    }

    /**
     * Copies {@code in} to {@code out}.
     *
     * @throws IOException when reading or writing fails, or the backup is cut short
     */
    static void copy(InputStream in, OutputStream out, boolean rewriteDefiners) throws IOException {
        new RestoreStream(rewriteDefiners).run(in, out);
    }

    private void run(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            int at = 0;
            while (at < read) {
                at = inPrefix ? collectPrefix(buffer, at, read, out) : passLine(buffer, at, read, out);
            }
        }
        if (inPrefix && prefixLength > 0) {
            endPrefix(out);
        }
        out.flush();
        if (hasHeader && !lastLine.startsWith("-- Dump completed")) {
            throw new IOException(
                    "the backup ends without mysqldump's closing '-- Dump completed' line, so it is cut short");
        }
    }

    /** Adds bytes to the start of the current line until its end or the prefix limit. */
    private int collectPrefix(byte[] buffer, int from, int to, OutputStream out) throws IOException {
        int at = from;
        while (at < to && prefixLength < PREFIX_LIMIT) {
            byte b = buffer[at++];
            prefix[prefixLength++] = b;
            if (b == '\n') {
                endPrefix(out);
                inPrefix = true;
                return at;
            }
        }
        if (prefixLength == PREFIX_LIMIT) {
            endPrefix(out);
            inPrefix = false;
        }
        return at;
    }

    /** Copies the rest of a long line unchanged, up to and including its line break. */
    private int passLine(byte[] buffer, int from, int to, OutputStream out) throws IOException {
        int at = from;
        while (at < to && buffer[at] != '\n') {
            at++;
        }
        if (at < to) {
            at++;
            inPrefix = true;
        }
        out.write(buffer, from, at - from);
        return at;
    }

    private void endPrefix(OutputStream out) throws IOException {
        byte[] line = Arrays.copyOf(prefix, prefixLength);
        prefixLength = 0;
        // Latin-1 maps every byte to one character and back, so the rest of the line is kept byte for byte.
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (lines++ < HEADER_LINES && (text.startsWith("-- MariaDB dump") || text.startsWith("-- MySQL dump"))) {
            hasHeader = true;
        }
        if (!text.isBlank()) {
            lastLine = text.length() > 40 ? text.substring(0, 40) : text;
        }
        if (rewriteDefiners && (text.startsWith("/*!") || text.startsWith("CREATE")) && text.contains("DEFINER=")) {
            Matcher definer = DEFINER.matcher(text);
            if (definer.find()) {
                out.write(definer.replaceFirst("DEFINER=CURRENT_USER").getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
        }
        out.write(line);
    }
}
