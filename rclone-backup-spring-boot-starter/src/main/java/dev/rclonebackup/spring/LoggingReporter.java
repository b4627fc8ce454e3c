package dev.rclonebackup.spring;

import dev.rclonebackup.Reporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Sends what the operations report to the application's log (category {@code dev.rclonebackup}):
 * outcome lines at INFO, warnings (such as files rclone skipped) at WARN, the failure of one database among several at ERROR, command lines, sizes and durations at DEBUG, the tools' own output at TRACE.
 */
public class LoggingReporter implements Reporter {
    private static final Log LOG = LogFactory.getLog("dev.rclonebackup");

    @Override
    public void info(String message) {
        LOG.info(message);
    }

    @Override
    public void warning(String message) {
        LOG.warn(message);
    }

    @Override
    public void failure(String message) {
        LOG.error(message);
    }

    @Override
    public void detail(String message) {
        LOG.debug(message);
    }

    @Override
    public void toolOutput(String tool, String line) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(tool + ": " + line);
        }
    }
}
