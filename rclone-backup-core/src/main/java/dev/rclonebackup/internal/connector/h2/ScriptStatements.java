package dev.rclonebackup.internal.connector.h2;

import java.io.IOException;
import java.io.Reader;
import org.h2.util.ScriptReader;

/**
 * Splits an SQL script into statements with H2's own parser ({@link ScriptReader}: quoted strings,
 * comments and {@code $$} blocks are honoured) and tracks where each one starts, for error messages.
 */
final class ScriptStatements {
    private static final int EXCERPT_LENGTH = 80;

    /**
     * One statement of the script.
     *
     * @param sql    its text, leading comments included
     * @param number its ordinal among the script's non-blank statements
     * @param line   the line its SQL starts on, after leading comments
     */
    record Statement(String sql, int number, int line) {

        /** The beginning of the SQL on one line, to name the statement in a message. */
        String excerpt() {
            return H2Messages.oneLine(sql.substring(sqlStart(sql)), EXCERPT_LENGTH);
        }
    }

    private final ScriptReader reader;
    private int nextLine = 1;
    private int count;

    ScriptStatements(Reader script) {
        this.reader = new ScriptReader(script);
    }

    /** The next non-blank statement, or {@code null} at the end of the script. */
    Statement next() throws IOException {
        while (true) {
            String text = read();
            if (text == null) {
                return null;
            }
            int line = nextLine + newlines(text, sqlStart(text));
            nextLine += newlines(text, text.length());
            if (!text.isBlank()) {
                return new Statement(text, ++count, line);
            }
        }
    }

    private String read() throws IOException {
        try {
            return reader.readStatement();
        } catch (RuntimeException e) {
            // H2 wraps read errors (e.g. the stream was cut) in its own unchecked exception.
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Where the SQL starts after blank lines and {@code --} comments (SCRIPT writes row counts as such). */
    private static int sqlStart(String text) {
        int position = 0;
        while (true) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            int endOfComment = text.indexOf('\n', position);
            if (!text.startsWith("--", position) || endOfComment < 0) {
                return position;
            }
            position = endOfComment + 1;
        }
    }

    private static int newlines(String text, int end) {
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
