package dev.rclonebackup.cli;

import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediabackup}: mirrors the local media folder to the remote. */
@Command(name = "mediabackup", sortOptions = false,
        header = "Back up the media folder to the remote.",
        description = {
                "Mirrors media.root to <remote>/<media.backup-dir> with rclone sync: only new and changed "
                        + "files are transferred, and files deleted locally are deleted from the remote copy.",
                "",
                "Refuses to run when the media folder is missing or empty while the remote copy is not "
                        + "(an unmounted volume must not wipe the backup), unless --allow-empty is given."})
final class MediaBackupCommand extends OperationCommand {
    @Option(order = 1, names = "--dry-run", description = "Only show what would be copied or deleted; change nothing.")
    private boolean dryRun;

    @Option(order = 2, names = "--allow-empty",
            description = "Sync even when the media folder is missing or empty, deleting the remote copy.")
    private boolean allowEmpty;

    MediaBackupCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        backups.mediaBackup(new MediaBackupOptions(dryRun, allowEmpty));
    }
}
