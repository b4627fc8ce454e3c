package dev.rclonebackup.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations written in settings and options: a whole number with a unit ({@code 30s},
 * {@code 90m}, {@code 26h}, {@code 7d}) or ISO-8601 ({@code PT26H}, {@code P7D}). A number without a
 * unit is refused rather than guessed, and so are zero and negative durations.
 */
public final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is accepted
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Duration duration = trimmed.startsWith("P") || trimmed.startsWith("-P") ? iso(trimmed) : withUnit(trimmed);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a duration greater than zero");
        }
        return duration;
    }

    /** {@code duration} in the shortest form {@link #parse} reads back: {@code 10m}, {@code 26h}, {@code 90s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * {@code duration} rounded down to its two largest units, for people: {@code 45s},
     * {@code 12m 5s}, {@code 3h 20m}, {@code 30h 5m}, {@code 2d 4h}. Days are used from two days
     * on, so that an age reads in the same unit as a limit such as {@code 26h}. Negative durations
     * read as {@code 0s}.
     */
    public static String approximate(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long[] sizes = {86_400, 3_600, 60, 1};
        long[] from = {2 * 86_400, 3_600, 60};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < from.length; i++) {
            if (seconds >= from[i]) {
                long rest = seconds % sizes[i] / sizes[i + 1];
                return seconds / sizes[i] + units[i] + (rest == 0 ? "" : " " + rest + units[i + 1]);
            }
        }
        return seconds + "s";
    }

    private static Duration withUnit(String text) {
        Matcher matcher = WITH_UNIT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number with a unit "
                    + "(ms, s, m, h or d, e.g. 90m or 26h) or ISO-8601 (e.g. PT26H)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. PT26H or P7D)", e);
        }
    }
}
