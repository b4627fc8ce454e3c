package dev.rclonebackup.cli;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.process.ProcessResult;
import dev.rclonebackup.process.ProcessRunner;
import dev.rclonebackup.process.Supervision;
import dev.rclonebackup.process.ToolNotFoundException;
import dev.rclonebackup.secrets.Redactor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the configured {@code hooks}: each event name maps to a command (argv) that runs with
 * {@code RCLONE_BACKUP_EVENT}, {@code RCLONE_BACKUP_DATABASE} and {@code RCLONE_BACKUP_PATH}
 * added to its environment (empty when the event has no database or path). A hook that exits
 * non-zero fails the operation; for a {@code pre-} event that happens before anything changed.
 */
public final class HookListener implements BackupListener {
    /** The event names accepted as keys of {@code hooks}. */
    public static final List<String> EVENTS = List.of(
            "pre-db-backup", "post-db-backup", "pre-db-restore", "post-db-restore",
            "pre-media-backup", "post-media-backup", "pre-media-restore", "post-media-restore");

    static final String EVENT_VARIABLE = "RCLONE_BACKUP_EVENT";
    static final String DATABASE_VARIABLE = "RCLONE_BACKUP_DATABASE";
    static final String PATH_VARIABLE = "RCLONE_BACKUP_PATH";

    private static final int MAX_QUOTED_LINES = 3;
    private static final int MAX_QUOTED_CHARS = 500;

    private final Map<String, List<String>> hooks;
    private final Reporter reporter;
    private final Supervision supervision;

    /**
     * @param hooks    event name to argv, as in {@code Settings.hooks()}
     * @param reporter receives each hook's command line (detail) and output (tool output)
     * @throws ConfigurationException when a key is not an event name or a command is empty
     */
    public HookListener(Map<String, List<String>> hooks, Reporter reporter) {
        this(hooks, reporter, Redactor.POSITIONAL);
    }

    /**
     * @param redactor hides credentials in the hooks' command lines and output, e.g.
     *                 {@code Redactor.of(settings)}, which knows the databases' passwords
     * @throws ConfigurationException when a key is not an event name or a command is empty
     */
    public HookListener(Map<String, List<String>> hooks, Reporter reporter, Redactor redactor) {
        for (String event : new TreeSet<>(hooks.keySet())) {
            if (!EVENTS.contains(event)) {
                throw new ConfigurationException("hooks." + event + " is not an event; use one of " + String.join(", ", EVENTS));
            }
        }
        for (Map.Entry<String, List<String>> hook : hooks.entrySet()) {
            List<String> argv = hook.getValue();
            if (argv.isEmpty() || argv.get(0).isBlank()) {
                throw new ConfigurationException("hooks." + hook.getKey() + " is empty; give the command to run as a list, e.g. [\"/usr/local/bin/notify\", \"--quiet\"]");
            }
        }
        this.hooks = Map.copyOf(hooks);
        this.reporter = redactor.reporter(reporter);
        this.supervision = new Supervision(redactor, null);
    }

    @Override
    public void beforeDbBackup(String database) {
        run("pre-db-backup", database, "");
    }

    @Override
    public void afterDbBackup(String database, String path) {
        run("post-db-backup", database, path);
    }

    @Override
    public void beforeDbRestore(String database, String path) {
        run("pre-db-restore", database, path);
    }

    @Override
    public void afterDbRestore(String database) {
        run("post-db-restore", database, "");
    }

    @Override
    public void beforeMediaBackup() {
        run("pre-media-backup", "", "");
    }

    @Override
    public void afterMediaBackup() {
        run("post-media-backup", "", "");
    }

    @Override
    public void beforeMediaRestore() {
        run("pre-media-restore", "", "");
    }

    @Override
    public void afterMediaRestore() {
        run("post-media-restore", "", "");
    }

    private void run(String event, String database, String path) {
        List<String> argv = hooks.get(event);
        if (argv == null) {
            return;
        }
        Map<String, String> environment = Map.of(EVENT_VARIABLE, event, DATABASE_VARIABLE, database, PATH_VARIABLE, path);
        ProcessResult result;
        try {
            result = ProcessRunner.run(new Step.Command(argv, environment, null), null, reporter, supervision);
        } catch (ToolNotFoundException e) {
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                    "The " + event + " hook could not be started: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                    "The " + event + " hook " + argv.get(0) + " could not be run: " + e.getMessage(), e);
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
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                    "The " + event + " hook " + argv.get(0) + " failed with exit status " + result.exitCode()
                            + quote(result.stderr()));
        }
    }

    private static RcloneBackupException interrupted(String event, List<String> argv, InterruptedException cause) {
        return new RcloneBackupException(ErrorCode.INTERRUPTED,
                "Interrupted while the " + event + " hook " + argv.get(0) + " was running; it was stopped", cause);
    }

    /** The last few lines of a hook's stderr, as the end of the failure sentence. */
    private static String quote(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
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
