package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.process.Supervision;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the configured {@code hooks}: each event's id maps to a command (argv) that runs with
 * {@code RCLONE_BACKUP_EVENT}, {@code RCLONE_BACKUP_DATABASE}, {@code RCLONE_BACKUP_PATH} and
 * {@code RCLONE_BACKUP_ERROR} added to its environment (empty when the event has no database, path
 * or error; only the failure events have an error). A hook that exits
 * non-zero fails the operation; for a {@code pre-} event that happens before anything changed.
 */
public final class HookRunner implements BackupListener {
    static final String EVENT_VARIABLE = "RCLONE_BACKUP_EVENT";
    static final String DATABASE_VARIABLE = "RCLONE_BACKUP_DATABASE";
    static final String PATH_VARIABLE = "RCLONE_BACKUP_PATH";
    static final String ERROR_VARIABLE = "RCLONE_BACKUP_ERROR";

    private static final int MAX_QUOTED_LINES = 3;
    private static final int MAX_QUOTED_CHARS = 500;

    private final Map<String, List<String>> hooks;
    private final Reporter reporter;
    private final Supervision supervision;

    /**
     * @param hooks    event id to argv, as in {@code Settings.hooks()} (which validated them)
     * @param reporter receives each hook's command line (detail) and output (tool output)
     * @param redactor hides credentials in the hooks' command lines and output
     */
    public HookRunner(Map<String, List<String>> hooks, Reporter reporter, Redactor redactor) {
        this.hooks = Map.copyOf(hooks);
        this.reporter = redactor.reporter(reporter);
        this.supervision = new Supervision(redactor, null);
    }

    @Override
    public void on(BackupEvent event) {
        String id = event.type().id();
        List<String> argv = hooks.get(id);
        if (argv != null) {
            run(
                    id,
                    argv,
                    Map.of(
                            EVENT_VARIABLE, id,
                            DATABASE_VARIABLE, orEmpty(event.database()),
                            PATH_VARIABLE, orEmpty(event.path()),
                            ERROR_VARIABLE, orEmpty(event.error())));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private void run(String event, List<String> argv, Map<String, String> environment) {
        ProcessResult result;
        try {
            result = ProcessRunner.run(new Step.Command(argv, environment, null), null, reporter, supervision);
        } catch (ToolNotFoundException e) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, "The " + event + " hook could not be started: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "The " + event + " hook " + argv.get(0) + " could not be run: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(event, argv, e);
        }
        if (Thread.currentThread().isInterrupted()) {
            // The hook was ended from outside while its output was being read.
            throw interrupted(event, argv, null);
        }
        result.stdoutText().lines().forEach(line -> reporter.toolOutput(argv.get(0), line));
        if (result.exitCode() != 0) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "The " + event + " hook " + argv.get(0) + " failed with exit status " + result.exitCode()
                            + quote(result.stderr()));
        }
    }

    private static RcloneBackupException interrupted(String event, List<String> argv, InterruptedException cause) {
        return new RcloneBackupException(
                ErrorCode.INTERRUPTED,
                "Interrupted while the " + event + " hook " + argv.get(0) + " was running; it was stopped",
                cause);
    }

    /** The last few lines of a hook's stderr, as the end of the failure sentence. */
    private static String quote(String stderr) {
        List<String> lines = stderr.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
        if (lines.isEmpty()) {
            return "";
        }
        String tail = String.join(" / ", lines.subList(Math.max(0, lines.size() - MAX_QUOTED_LINES), lines.size()));
        if (tail.length() > MAX_QUOTED_CHARS) {
            tail = "…" + tail.substring(tail.length() - MAX_QUOTED_CHARS);
        }
        return ": " + tail;
    }
}
