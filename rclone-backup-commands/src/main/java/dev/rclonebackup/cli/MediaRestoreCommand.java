package dev.rclonebackup.cli;

import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mediarestore}: mirrors the remote copy back to the local media folder. */
final class MediaRestoreCommand extends OperationCommand<MediaRestoreOptions> {
    private static final String DRY_RUN = "--dry-run";
    private static final String COPY = "--copy";
    private static final String FORCE = "--force";

    MediaRestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.MEDIARESTORE.commandName(),
                "Restore the media folder from the remote.",
                "Mirrors <remote>/<media.backup-dir> to media.root with rclone sync. Local files that are "
                        + "absent on the remote are DELETED, so the folder ends up exactly like the backup; "
                        + "use --copy to keep them.",
                "",
                "Refuses to run when the sync would delete more than media.max-delete-percent (default 50) "
                        + "of the media folder's files, unless --force is given. Symbolic links in the media "
                        + "folder are followed (media.follow-symlinks).");
        spec.addOption(Specs.flag(DRY_RUN, 1, "Only show what would be copied or deleted; change nothing."));
        spec.addOption(Specs.flag(
                COPY,
                2,
                "Use rclone copy instead of sync: copy new and changed files from the remote and "
                        + "keep local files that are absent on the remote."));
        spec.addOption(Specs.flag(
                FORCE, 3, "Sync even when it deletes more than media.max-delete-percent of the media folder's files."));
        return spec;
    }

    @Override
    MediaRestoreOptions options(CommandSpec spec) {
        return new MediaRestoreOptions(Specs.isSet(spec, DRY_RUN), Specs.isSet(spec, COPY), Specs.isSet(spec, FORCE));
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, MediaRestoreOptions options) {
        backups.mediaRestore(options);
    }
}
