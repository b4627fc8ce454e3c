package dev.rclonebackup.internal.naming;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * A plain reading of the date formats that hold the six numeric fields {@code yyyy} (or
 * {@code uuuu}), {@code MM}, {@code dd}, {@code HH}, {@code mm} and {@code ss} once each,
 * separated by literal characters, as the default {@code yyyy-MM-dd-HHmmss} does. Listing parses
 * the name of every backup, and in a JVM that has just started, {@link
 * java.time.format.DateTimeFormatter}'s general parser spends milliseconds on a few hundred.
 * Whatever this does not read plainly (another length, the 30th of February, hour 24, …) is
 * left to the formatter, whose rules stay the reference.
 */
final class NumericDateFormat {
    private static final char DIGIT = '\0';
    private static final String FIELDS = "yMdHms";

    private final char[] layout;
    private final int[] offsets;

    private NumericDateFormat(char[] layout, int[] offsets) {
        this.layout = layout;
        this.offsets = offsets;
    }

    /** The plain reading of {@code dateFormat}, or null when it has other fields or any quoting. */
    static NumericDateFormat of(String dateFormat) {
        StringBuilder layout = new StringBuilder();
        int[] offsets = {-1, -1, -1, -1, -1, -1};
        int i = 0;
        while (i < dateFormat.length()) {
            char c = dateFormat.charAt(i);
            if (Character.isLetter(c)) {
                int end = i;
                while (end < dateFormat.length() && dateFormat.charAt(end) == c) {
                    end++;
                }
                int field = FIELDS.indexOf(c == 'u' ? 'y' : c);
                if (field < 0 || offsets[field] >= 0 || end - i != (field == 0 ? 4 : 2)) {
                    return null;
                }
                offsets[field] = layout.length();
                layout.append(String.valueOf(DIGIT).repeat(end - i));
                i = end;
            } else if ("'[]#{}".indexOf(c) >= 0) {
                return null;
            } else {
                layout.append(c);
                i++;
            }
        }
        for (int offset : offsets) {
            if (offset < 0) {
                return null;
            }
        }
        return new NumericDateFormat(layout.toString().toCharArray(), offsets);
    }

    /** The UTC instant {@code text} names, or null when it is to be left to the formatter. */
    Instant parse(String text) {
        if (text.length() != layout.length) {
            return null;
        }
        for (int i = 0; i < layout.length; i++) {
            char c = text.charAt(i);
            if (layout[i] == DIGIT ? c < '0' || c > '9' : c != layout[i]) {
                return null;
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 1, 2);
        int day = number(text, 2, 2);
        int hour = number(text, 3, 2);
        int minute = number(text, 4, 2);
        int second = number(text, 5, 2);
        if (year < 1
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    private int number(String text, int field, int width) {
        int value = 0;
        for (int i = offsets[field]; i < offsets[field] + width; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
