package dev.rclonebackup.internal.operation;

import dev.rclonebackup.internal.process.StageResult;
import dev.rclonebackup.internal.rclone.RcloneDiagnostics;
import dev.rclonebackup.internal.rclone.RcloneLog;
import dev.rclonebackup.internal.secrets.Redactor;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a failed pipeline stage into the clause a user reads: which tool, how it ended, what it said. */
final class StageFailure {
    private static final int MAX_LINES = 3;
    private static final int SIGNAL_BASE = 128;
    private static final Pattern ERROR_LINE = Pattern.compile("\\b(?:ERROR|FATAL|error):");

    private StageFailure() {}

    /**
     * e.g. {@code pg_dump exited with status 1: pg_dump: error: connection refused}. Credentials
     * the tool printed in a recognisable place are hidden (see {@link Redactor}); a password is
     * never searched for in the text, where a short one would match parts of words.
     */
    static String describe(StageResult stage) {
        String ending = stage.exitCode() > SIGNAL_BASE && stage.exitCode() < SIGNAL_BASE + 65
                ? "was killed by signal " + (stage.exitCode() - SIGNAL_BASE)
                : "exited with status " + stage.exitCode();
        String said = lastLines(stage.stderr());
        String text = stage.tool() + " " + ending + (said.isEmpty() ? "" : ": " + said);
        return Redactor.POSITIONAL.text(text);
    }

    /**
     * The last lines, starting at the last error line when there is one: pg_restore follows its
     * {@code ERROR:} line with {@code DETAIL}, {@code HINT} and the failed command, which would
     * otherwise push the error itself out of the summary.
     */
    private static String lastLines(String stderr) {
        List<String> lines = Arrays.stream(RcloneDiagnostics.withoutConfigNotice(RcloneLog.asTextLines(stderr))
                        .split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(RcloneDiagnostics::withoutLogPrefix)
                .toList();
        int from = Math.max(0, lines.size() - MAX_LINES);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (ERROR_LINE.matcher(lines.get(i)).find()) {
                from = i;
                break;
            }
        }
        return String.join(" | ", lines.subList(from, Math.min(lines.size(), from + MAX_LINES)));
    }
}
