package dev.rclonebackup.internal.naming;

/**
 * Turns a {@link java.time.format.DateTimeFormatter} pattern into a regular expression that
 * matches what it renders, so that a file name can be split into alias and timestamp even when
 * the alias contains the separator ({@code my-db-2024-01-15-120000.dump}).
 */
final class DateFormatRegex {
    private DateFormatRegex() {}

    static String of(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                end = end < 0 ? pattern.length() : end;
                String quoted = pattern.substring(i + 1, end);
                regex.append(quoted.isEmpty() ? "'" : java.util.regex.Pattern.quote(quoted));
                i = end + 1;
            } else if (Character.isLetter(c)) {
                int run = i;
                while (run < pattern.length() && pattern.charAt(run) == c) {
                    run++;
                }
                regex.append(field(c, run - i));
                i = run;
            } else if ("[]#{}".indexOf(c) >= 0) {
                i++;
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    private static String field(char letter, int count) {
        boolean text = switch (letter) {
            case 'E', 'a', 'B', 'G', 'z', 'v', 'O', 'X', 'x', 'Z', 'V' -> true;
            case 'M', 'L', 'Q', 'q' -> count >= 3;
            default -> false;
        };
        if (text) {
            return "[^/\\\\]+?";
        }
        return count == 1 ? "\\d+" : "\\d{" + count + ",}";
    }
}
