package dev.rclonebackup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Tells whether a standard stream of this process is a terminal. */
final class Terminals {
    private static final Path OPEN_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final Pattern TERMINAL_DEVICE = Pattern.compile("/dev/(pts/\\d+|tty\\w*|console)");

    private Terminals() {}

    /**
     * Whether file descriptor {@code fd} (1 for stdout, 2 for stderr) is a terminal. On Linux the
     * descriptor's target is read from {@code /proc}; elsewhere {@link System#console()} (which
     * requires both stdin and stdout to be terminals) is the best the JDK offers.
     */
    static boolean isTerminal(int fd) {
        if (!Files.isDirectory(OPEN_DESCRIPTORS)) {
            return System.console() != null;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(OPEN_DESCRIPTORS.resolve(Integer.toString(fd)))
                    .toString());
        } catch (IOException | UnsupportedOperationException closedOrUnreadable) {
            return false;
        }
    }

    /** Whether {@code target} (what a descriptor points to) names a terminal device. */
    static boolean isTerminalDevice(String target) {
        return TERMINAL_DEVICE.matcher(target).matches();
    }
}
