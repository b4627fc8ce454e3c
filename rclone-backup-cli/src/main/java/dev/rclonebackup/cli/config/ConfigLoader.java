package dev.rclonebackup.cli.config;

import dev.rclonebackup.settings.Settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code rclone-backup.yml}: finds the file ({@code --config}, then
 * {@code RCLONE_BACKUP_CONFIG}, then {@code ./rclone-backup.yml}), expands {@code ${VAR}} and
 * {@code ${VAR:-default}}, applies {@code RCLONE_BACKUP_*} overrides of scalar settings, and
 * builds validated {@link Settings}. Errors are {@link dev.rclonebackup.ConfigurationException}s
 * naming the file and the key.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param explicitFile     the {@code --config} value, or null
     * @param environment      the process environment (for discovery, expansion and overrides)
     * @param workingDirectory where {@code ./rclone-backup.yml} is looked for
     */
    public static Settings load(Path explicitFile, Map<String, String> environment, Path workingDirectory) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
