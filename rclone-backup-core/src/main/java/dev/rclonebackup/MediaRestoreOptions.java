package dev.rclonebackup;

/**
 * Options of {@link RcloneBackup#mediaRestore}.
 *
 * @param dryRun only show what would change (rclone's {@code --dry-run})
 * @param copy   use {@code rclone copy}: local files absent on the remote are kept, instead of
 *               deleted as {@code rclone sync} does
 */
public record MediaRestoreOptions(boolean dryRun, boolean copy) {
    public static final MediaRestoreOptions DEFAULTS = new MediaRestoreOptions(false, false);
}
