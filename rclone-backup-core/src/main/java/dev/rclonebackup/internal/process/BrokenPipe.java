package dev.rclonebackup.internal.process;

import java.io.IOException;
import java.util.Locale;

/** Recognises a stage that failed only because the other end of its pipe went away. */
final class BrokenPipe {
    /** 128 + SIGPIPE: how Java reports a process killed by SIGPIPE, and the shell convention. */
    private static final int SIGPIPE_EXIT = 141;

    private BrokenPipe() {}

    static boolean isBrokenPipe(int exitCode, String stderr) {
        return exitCode == SIGPIPE_EXIT
                || (exitCode != 0 && stderr.toLowerCase(Locale.ROOT).contains("broken pipe"));
    }

    static boolean isBrokenPipe(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("stream closed");
    }
}
