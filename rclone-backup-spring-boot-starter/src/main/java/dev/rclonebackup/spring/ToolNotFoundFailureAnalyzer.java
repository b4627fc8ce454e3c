package dev.rclonebackup.spring;

import dev.rclonebackup.internal.process.ToolNotFoundException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because rclone (or a database's dump or restore tool) is not
 * installed, for instance when the application backs up as it starts.
 */
public class ToolNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<ToolNotFoundException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ToolNotFoundException cause) {
        String action = cause.getMessage().startsWith("rclone ")
                ? "Install rclone on this machine (https://rclone.org/install/) or set rclone-backup.rclone.binary"
                        + " to the path of its executable."
                : "Install " + cause.tool() + " on this machine, or make it available on the application's PATH.";
        return new FailureAnalysis("A backup tool is missing: " + cause.getMessage(), action, cause);
    }
}
