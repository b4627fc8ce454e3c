package dev.rclonebackup.rclone;

import dev.rclonebackup.Reporter;

/**
 * Passes everything through, except that rclone's {@code Skipped … as --dry-run is set} notices
 * become info lines: they are the answer a dry run was asked for, not diagnostics.
 */
final class DryRunReporter implements Reporter {
    private final Reporter delegate;

    DryRunReporter(Reporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void info(String message) {
        delegate.info(message);
    }

    @Override
    public void success(String message) {
        delegate.success(message);
    }

    @Override
    public void detail(String message) {
        delegate.detail(message);
    }

    @Override
    public void toolOutput(String tool, String line) {
        if (line.contains("as --dry-run is set")) {
            delegate.info(RcloneDiagnostics.withoutLogPrefix(line));
        } else {
            delegate.toolOutput(tool, line);
        }
    }

    @Override
    public void progress(long bytes, double bytesPerSecond) {
        delegate.progress(bytes, bytesPerSecond);
    }

    @Override
    public void progressDone() {
        delegate.progressDone();
    }
}
