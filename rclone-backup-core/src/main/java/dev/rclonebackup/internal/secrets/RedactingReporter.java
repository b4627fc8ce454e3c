package dev.rclonebackup.internal.secrets;

import dev.rclonebackup.Reporter;

/** A {@link Reporter} that passes every line through {@link Redactor#text} before the one it wraps. */
final class RedactingReporter implements Reporter {
    private final Redactor redactor;
    private final Reporter reporter;

    RedactingReporter(Redactor redactor, Reporter reporter) {
        this.redactor = redactor;
        this.reporter = reporter;
    }

    @Override
    public void info(String message) {
        reporter.info(redactor.text(message));
    }

    @Override
    public void success(String message) {
        reporter.success(redactor.text(message));
    }

    @Override
    public void warning(String message) {
        reporter.warning(redactor.text(message));
    }

    @Override
    public void failure(String message) {
        reporter.failure(redactor.text(message));
    }

    @Override
    public void detail(String message) {
        reporter.detail(redactor.text(message));
    }

    @Override
    public void toolOutput(String tool, String line) {
        reporter.toolOutput(tool, redactor.text(line));
    }

    @Override
    public void progress(long bytes, double bytesPerSecond) {
        reporter.progress(bytes, bytesPerSecond);
    }

    @Override
    public void progressDone() {
        reporter.progressDone();
    }
}
