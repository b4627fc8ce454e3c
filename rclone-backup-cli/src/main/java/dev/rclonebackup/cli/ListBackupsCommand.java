package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code listbackups}: prints the database backups, or the media copy, found on the remote. */
final class ListBackupsCommand extends OperationCommand {
    private static final String MEDIA = "--media";

    ListBackupsCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(this, "listbackups", "List the backups on the remote.",
                "Lists the database backups under db.backup-dir, newest first by modification time, with "
                        + "their size and modification time (UTC). Files whose names do not match "
                        + "db.filename-template are not backups and are not listed.",
                "",
                "With --media, lists the files of the media copy instead, sorted by path, after their "
                        + "count and total size.");
        spec.addOption(databaseOption("Only list the backups of this database (default: all databases).").build());
        spec.addOption(Specs.flag(MEDIA, 2, "List the media copy instead of the database backups."));
        return spec;
    }

    @Override
    void validate() {
        if (isSet(MEDIA) && value(DATABASE) != null) {
            throw new ParameterException(spec().commandLine(), "--database and --media cannot be used together");
        }
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        reporter.results(isSet(MEDIA)
                ? ListingFormat.media(backups.listMedia())
                : ListingFormat.backups(backups.listBackups(value(DATABASE))));
    }
}
