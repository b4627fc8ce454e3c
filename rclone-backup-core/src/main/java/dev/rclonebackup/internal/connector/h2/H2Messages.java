package dev.rclonebackup.internal.connector.h2;

import java.sql.SQLException;

/** Shortens H2's error messages to one line fit for a user: without the echoed SQL, bounded in length. */
final class H2Messages {
    private static final int MAX_LENGTH = 300;

    private H2Messages() {}

    static String of(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int echoedSql = message.indexOf("; SQL statement:");
        return oneLine(echoedSql >= 0 ? message.substring(0, echoedSql) : message, MAX_LENGTH);
    }

    /** {@code text} on one line, cut to {@code maxLength} characters. */
    static String oneLine(String text, int maxLength) {
        // Statements can be megabytes long (a BLOB literal): look only at their beginning.
        String head = text.length() > 2 * maxLength ? text.substring(0, 2 * maxLength) : text;
        String line = head.strip().replaceAll("\\s+", " ");
        return line.length() <= maxLength && head.length() == text.length()
                ? line
                : line.substring(0, Math.min(maxLength, line.length())) + "…";
    }
}
