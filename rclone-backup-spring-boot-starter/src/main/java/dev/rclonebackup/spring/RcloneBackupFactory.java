package dev.rclonebackup.spring;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.Settings;
import java.util.List;

/**
 * Builds {@link RcloneBackup} facades from the application's settings, listener beans and
 * connector beans, each with its own {@link Reporter}: the application's facade logs, a one-shot
 * command's facade prints like the command line.
 */
public class RcloneBackupFactory {
    private final Settings settings;
    private final List<BackupListener> listeners;
    private final List<Connector> connectors;

    public RcloneBackupFactory(Settings settings, List<BackupListener> listeners, List<Connector> connectors) {
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.connectors = List.copyOf(connectors);
    }

    /** The settings every facade is built from. */
    public Settings settings() {
        return settings;
    }

    /** A facade reporting to {@code reporter}; configured hooks run after the listener beans. */
    public RcloneBackup create(Reporter reporter) {
        RcloneBackup.Builder builder =
                RcloneBackup.configure().settings(settings).reporter(reporter);
        listeners.forEach(builder::listener);
        connectors.forEach(builder::connector);
        return builder.load();
    }
}
