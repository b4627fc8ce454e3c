package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.connector.ConnectorRegistry;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import dev.rclonebackup.internal.naming.RemotePaths;
import dev.rclonebackup.internal.rclone.Rclone;
import dev.rclonebackup.settings.Settings;
import java.time.Clock;

/**
 * What every operation needs, built once by {@link dev.rclonebackup.RcloneBackup}.
 *
 * @param listener all registered listeners, called in order
 */
public record Context(
        Settings settings,
        Rclone rclone,
        ConnectorRegistry connectors,
        FilenameTemplate template,
        BackupListener listener,
        Reporter reporter,
        Clock clock) {

    /** The full rclone path of the database backup folder. */
    public String dbFolder() {
        return RemotePaths.join(settings.remote(), settings.dbBackupDir());
    }

    /** The full rclone path of the media copy. */
    public String mediaFolder() {
        return RemotePaths.join(settings.remote(), settings.mediaBackupDir());
    }

    /** A database backup's path as shown to users and passed to events: {@code db/NAME}. */
    public String displayPath(String name) {
        return settings.dbBackupDir() + "/" + name;
    }
}
