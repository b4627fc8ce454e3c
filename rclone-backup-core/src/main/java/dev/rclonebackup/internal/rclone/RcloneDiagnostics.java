package dev.rclonebackup.internal.rclone;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Makes rclone's standard error presentable in one-sentence error messages. */
public final class RcloneDiagnostics {
    private static final Pattern CONFIG_NOTICE =
            Pattern.compile("NOTICE: Config file \".*\" not found - using defaults");
    private static final Pattern LOG_PREFIX =
            Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? (?:[A-Z]+ ?: )?");
    private static final Pattern NOTICE =
            Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? NOTICE: (.*\\S.*)$");

    private RcloneDiagnostics() {}

    /**
     * {@code stderr} without the {@code NOTICE: Config file … not found - using defaults} lines
     * that rclone prints on every call when no config file exists: noise, not a diagnosis.
     */
    public static String withoutConfigNotice(String stderr) {
        if (stderr == null || stderr.isEmpty()) {
            return "";
        }
        return stderr.lines()
                .filter(line -> !CONFIG_NOTICE.matcher(line).find())
                .collect(Collectors.joining("\n"))
                .strip();
    }

    /** The last non-blank line of {@code text}, without rclone's date and level prefix. */
    public static String lastLine(String text) {
        String last = "";
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                last = line;
            }
        }
        return withoutLogPrefix(last.strip());
    }

    /**
     * The message of a line that rclone logged at NOTICE level (its default level, used for
     * things it does not do, such as a file it skips), without the date and level; empty for
     * any other line, for a blank notice (the start of a statistics block) and for the
     * {@code Config file … not found} notice.
     */
    public static Optional<String> notice(String line) {
        Matcher matcher = NOTICE.matcher(line);
        if (!matcher.matches() || CONFIG_NOTICE.matcher(line).find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1).strip());
    }

    /** {@code line} without rclone's {@code 2024/01/15 12:00:00 ERROR : } prefix. */
    public static String withoutLogPrefix(String line) {
        return LOG_PREFIX.matcher(line).replaceFirst("");
    }
}
