package dev.rclonebackup;

/**
 * Options of {@link RcloneBackup#mediaRestore}.
 *
 * @param dryRun only show what would change (rclone's {@code --dry-run}), including what would be
 *               deleted and whether the deletion guard would refuse
 * @param copy   use {@code rclone copy}: local files absent on the remote are kept, instead of
 *               deleted as {@code rclone sync} does
 * @param force  sync even when it would delete more than {@code media.max-delete-percent} of the
 *               local media folder's files
 */
public record MediaRestoreOptions(boolean dryRun, boolean copy, boolean force) {
    public static final MediaRestoreOptions DEFAULTS = new MediaRestoreOptions(false, false, false);

    /** Options without {@code force}. */
    public MediaRestoreOptions(boolean dryRun, boolean copy) {
        this(dryRun, copy, false);
    }
}
