package dev.rclonebackup.internal.rclone;

import dev.rclonebackup.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every line reported, by kind, for assertions. */
public final class CapturingReporter implements Reporter {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> successes = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> details = new CopyOnWriteArrayList<>();
    public final List<String> toolOutput = new CopyOnWriteArrayList<>();
    /** info and success lines in the order they came, as a user sees them at verbosity 1. */
    public final List<String> shown = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
        shown.add(message);
    }

    @Override
    public void success(String message) {
        successes.add(message);
        shown.add(message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    @Override
    public void detail(String message) {
        details.add(message);
    }

    @Override
    public void toolOutput(String tool, String line) {
        toolOutput.add(tool + ": " + line);
    }

    /** How many processes were started (one "Running:" detail line each). */
    public long commandsRun() {
        return details.stream().filter(line -> line.startsWith("Running: ")).count();
    }
}
