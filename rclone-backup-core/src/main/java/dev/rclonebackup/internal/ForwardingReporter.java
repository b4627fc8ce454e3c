package dev.rclonebackup.internal;

import dev.rclonebackup.Reporter;

/** A reporter that passes every call on to another; subclasses override the calls they change. */
public abstract class ForwardingReporter implements Reporter {
    private final Reporter delegate;

    protected ForwardingReporter(Reporter delegate) {
        this.delegate = delegate;
    }

    /** The reporter the calls go on to. */
    protected final Reporter delegate() {
        return delegate;
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
    public void warning(String message) {
        delegate.warning(message);
    }

    @Override
    public void failure(String message) {
        delegate.failure(message);
    }

    @Override
    public void detail(String message) {
        delegate.detail(message);
    }

    @Override
    public void toolOutput(String tool, String line) {
        delegate.toolOutput(tool, line);
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
