package dev.rclonebackup.internal.operation;

import dev.rclonebackup.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what the operations report, every level, in order. */
final class RecordingReporter implements Reporter {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void detail(String message) {
        lines.add("detail: " + message);
    }

    @Override
    public void toolOutput(String tool, String line) {
        lines.add(tool + ": " + line);
    }

    /** Everything reported, as one text, for "never contains" checks. */
    String all() {
        return String.join("\n", lines);
    }
}
