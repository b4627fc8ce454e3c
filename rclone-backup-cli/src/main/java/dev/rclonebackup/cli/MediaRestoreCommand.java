package dev.rclonebackup.cli;

import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediarestore}: mirrors the remote copy back to the local media folder. */
@Command(name = "mediarestore", sortOptions = false,
        header = "Restore the media folder from the remote.",
        description = {
                "Mirrors <remote>/<media.backup-dir> to media.root with rclone sync. Local files that are "
                        + "absent on the remote are DELETED, so the folder ends up exactly like the backup; "
                        + "use --copy to keep them."})
final class MediaRestoreCommand extends OperationCommand {
    @Option(order = 1, names = "--dry-run", description = "Only show what would be copied or deleted; change nothing.")
    private boolean dryRun;

    @Option(order = 2, names = "--copy",
            description = "Use rclone copy instead of sync: copy new and changed files from the remote and "
                    + "keep local files that are absent on the remote.")
    private boolean copy;

    MediaRestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        backups.mediaRestore(new MediaRestoreOptions(dryRun, copy));
    }
}
