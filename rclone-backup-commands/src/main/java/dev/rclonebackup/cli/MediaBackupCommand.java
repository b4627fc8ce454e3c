package dev.rclonebackup.cli;

import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mediabackup}: mirrors the local media folder to the remote. */
final class MediaBackupCommand extends OperationCommand<MediaBackupOptions> {
    private static final String DRY_RUN = "--dry-run";
    private static final String ALLOW_EMPTY = "--allow-empty";
    private static final String FORCE = "--force";

    MediaBackupCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.MEDIABACKUP.commandName(),
                "Back up the media folder to the remote.",
                "Mirrors media.root to <remote>/<media.backup-dir> with rclone sync: only new and changed "
                        + "files are transferred, and files deleted locally are deleted from the remote copy.",
                "",
                "Refuses to run when the media folder is missing or empty while the remote copy is not "
                        + "(an unmounted volume must not wipe the backup), unless --allow-empty is given, "
                        + "and when the sync would delete more than media.max-delete-percent (default 50) of "
                        + "the remote copy's files, unless --force is given. Symbolic links are followed "
                        + "(media.follow-symlinks).");
        spec.addOption(Specs.flag(DRY_RUN, 1, "Only show what would be copied or deleted; change nothing."));
        spec.addOption(Specs.flag(
                ALLOW_EMPTY, 2, "Sync even when the media folder is missing or empty, deleting the remote copy."));
        spec.addOption(Specs.flag(
                FORCE,
                3,
                "Sync even when it deletes more than media.max-delete-percent of "
                        + "the remote copy's files (implies --allow-empty)."));
        return spec;
    }

    @Override
    MediaBackupOptions options(CommandSpec spec) {
        return new MediaBackupOptions(
                Specs.isSet(spec, DRY_RUN), Specs.isSet(spec, ALLOW_EMPTY), Specs.isSet(spec, FORCE));
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, MediaBackupOptions options) {
        backups.mediaBackup(options);
    }
}
