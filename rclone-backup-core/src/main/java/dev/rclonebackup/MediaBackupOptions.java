package dev.rclonebackup;

/**
 * Options of {@link RcloneBackup#mediaBackup}.
 *
 * @param dryRun     only show what would change (rclone's {@code --dry-run})
 * @param allowEmpty sync even when the local media folder is missing or empty while the remote
 *                   copy is not (which deletes the remote copy); off by default so that an
 *                   unmounted volume never wipes the backup
 */
public record MediaBackupOptions(boolean dryRun, boolean allowEmpty) {
    public static final MediaBackupOptions DEFAULTS = new MediaBackupOptions(false, false);
}
