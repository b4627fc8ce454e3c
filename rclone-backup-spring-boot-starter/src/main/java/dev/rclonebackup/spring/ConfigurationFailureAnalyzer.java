package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on rclone-backup's settings, such as a missing
 * {@code rclone-backup.remote}, a value of the wrong type or a misspelt key: the property at fault
 * and how to fix it.
 */
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    private static final String TURN_OFF =
            " If this application is not to be backed up, set rclone-backup.enabled=false.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        if (cause.key() == null) {
            return new FailureAnalysis(
                    "The rclone-backup settings are invalid: " + cause.getMessage(),
                    "Correct the rclone-backup.* properties in the application's configuration." + TURN_OFF,
                    cause);
        }
        // The starter's settings already name their keys as properties (rclone-backup.remote).
        String property =
                cause.key().startsWith("rclone-backup.") || cause.key().startsWith("spring.")
                        ? cause.key()
                        : "rclone-backup." + cause.key();
        return new FailureAnalysis("The property " + property + " " + cause.problem(), action(property, cause), cause);
    }

    /** Set a missing property, rename or remove one that means nothing, correct a wrong value. */
    private static String action(String property, ConfigurationException cause) {
        if (cause.problem().startsWith("is not a known") || cause.problem().startsWith("is not an event")) {
            return "Rename " + property + " to the key it was meant to be, or remove it, wherever it is set"
                    + " (application.yml, a profile, a system property or the command line)." + TURN_OFF;
        }
        String verb = cause.problem().startsWith("is required") ? "Set " : "Correct ";
        return verb + property + " in the application's configuration (application.yml, a profile, or the"
                + " command line: --" + property + "=…)." + TURN_OFF;
    }
}
