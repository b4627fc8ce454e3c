package dev.rclonebackup.internal.secrets;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.ForwardingReporter;

/** A {@link Reporter} that passes every line through {@link Redactor#text} before the one it wraps. */
final class RedactingReporter extends ForwardingReporter {
    private final Redactor redactor;

    RedactingReporter(Redactor redactor, Reporter reporter) {
        super(reporter);
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        delegate().info(redactor.text(message));
    }

    @Override
    public void success(String message) {
        delegate().success(redactor.text(message));
    }

    @Override
    public void warning(String message) {
        delegate().warning(redactor.text(message));
    }

    @Override
    public void failure(String message) {
        delegate().failure(redactor.text(message));
    }

    @Override
    public void detail(String message) {
        delegate().detail(redactor.text(message));
    }

    @Override
    public void toolOutput(String tool, String line) {
        delegate().toolOutput(tool, redactor.text(line));
    }
}
