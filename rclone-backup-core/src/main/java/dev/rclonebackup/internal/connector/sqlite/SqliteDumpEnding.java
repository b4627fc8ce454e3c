package dev.rclonebackup.internal.connector.sqlite;

import dev.rclonebackup.connector.Dump;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the end of a {@code sqlite3 .dump}: {@code COMMIT;} when the dump is complete,
 * {@code ROLLBACK; -- due to errors} when sqlite3 met an error on the way, which it writes into
 * the dump as a comment such as {@code /**** ERROR: (5) database is locked *****}{@code /}.
 * After the last {@code COMMIT;} may come the header fields {@link SqliteDump} adds, blank lines
 * and {@code --} comments.
 */
final class SqliteDumpEnding implements Dump.TailCheck {
    static final String ROLLBACK = "ROLLBACK; -- due to errors";
    private static final int TAIL_BYTES = 64 * 1024;
    private static final int MAX_MESSAGES = 3;
    private static final Pattern ERROR_COMMENT = Pattern.compile("^/\\*{4,}\\s*(.*?)\\s*\\*{4,}/$");
    private static final Pattern HEADER_FIELD =
            Pattern.compile("^PRAGMA (user_version|application_id|journal_mode)=[-\\w]+;$");

    @Override
    public int length() {
        return TAIL_BYTES;
    }

    @Override
    public Optional<String> problem(byte[] tail) {
        // Latin-1 maps every byte to a character, so a tail starting inside a UTF-8 sequence still reads.
        String[] lines = new String(tail, StandardCharsets.ISO_8859_1).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()
                    || line.startsWith("--")
                    || HEADER_FIELD.matcher(line).matches()) {
                continue;
            }
            if (line.equals("COMMIT;")) {
                return Optional.empty();
            }
            if (line.equals(ROLLBACK)) {
                return Optional.of(rolledBack(lines));
            }
            break;
        }
        return Optional.of("sqlite3 .dump did not finish the dump: it does not end with COMMIT");
    }

    private static String rolledBack(String[] lines) {
        List<String> messages = new ArrayList<>();
        for (String line : lines) {
            Matcher error = ERROR_COMMENT.matcher(line.strip());
            if (error.matches() && !error.group(1).isEmpty() && !messages.contains(error.group(1))) {
                messages.add(error.group(1));
            }
        }
        String failed = "sqlite3 .dump failed and wrote \"" + ROLLBACK + "\" at the end of the dump instead of COMMIT";
        if (messages.isEmpty()) {
            return failed + " (its error message is further up in the dump)";
        }
        return failed + ": "
                + String.join(" | ", messages.subList(Math.max(0, messages.size() - MAX_MESSAGES), messages.size()));
    }
}
