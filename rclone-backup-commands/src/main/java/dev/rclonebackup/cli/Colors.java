package dev.rclonebackup.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Decides whether a stream gets colour, and paints success and error lines. */
final class Colors {
    private Colors() {}

    /**
     * Colour is on for a terminal, unless {@code NO_COLOR} is set (to anything but an empty
     * string) or {@code TERM=dumb}; an explicit {@code --no-color} / {@code --force-color} wins.
     *
     * @param override true for {@code --force-color}, false for {@code --no-color}, null for neither
     */
    static boolean enabled(Boolean override, Map<String, String> environment, boolean terminal) {
        if (override != null) {
            return override;
        }
        boolean noColor = !environment.getOrDefault("NO_COLOR", "").isEmpty();
        boolean dumb = "dumb".equals(environment.get("TERM"));
        return terminal && !noColor && !dumb;
    }

    /**
     * The colour override in raw arguments, for output produced before they could be parsed
     * (help, usage errors). {@code --no-color} wins when both are given.
     */
    static Boolean overrideIn(String... args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--no-color")) {
            return Boolean.FALSE;
        }
        return arguments.contains("--force-color") ? Boolean.TRUE : null;
    }

    static String green(String text, boolean enabled) {
        return paint(Ansi.Style.fg_green, text, enabled);
    }

    static String red(String text, boolean enabled) {
        return paint(Ansi.Style.fg_red, text, enabled);
    }

    private static String paint(Ansi.Style style, String text, boolean enabled) {
        return enabled ? style.on() + text + style.off() : text;
    }
}
