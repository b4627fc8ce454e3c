package dev.rclonebackup;

/**
 * Options of {@link RcloneBackup#mediaBackup}.
 *
 * @param dryRun     only show what would change (rclone's {@code --dry-run}), including what
 *                   would be deleted and whether the deletion guard would refuse
 * @param allowEmpty sync even when the local media folder is missing or empty while the remote
 *                   copy is not (which deletes the remote copy); off by default so that an
 *                   unmounted volume never wipes the backup
 * @param force      sync even when it would delete more than {@code media.max-delete-percent}
 *                   of the remote copy's files, or when the media folder is empty (implies
 *                   {@code allowEmpty})
 */
public record MediaBackupOptions(boolean dryRun, boolean allowEmpty, boolean force) {
    public static final MediaBackupOptions DEFAULTS = new MediaBackupOptions(false, false, false);

    /** Options without {@code force}. */
    public MediaBackupOptions(boolean dryRun, boolean allowEmpty) {
        this(dryRun, allowEmpty, false);
    }
}
