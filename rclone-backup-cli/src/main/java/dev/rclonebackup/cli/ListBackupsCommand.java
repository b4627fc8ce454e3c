package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;


/** {@code listbackups}: prints the database backups, or the media copy, found on the remote. */
@Command(name = "listbackups", sortOptions = false,
        header = "List the backups on the remote.",
        description = {
                "Lists the database backups under db.backup-dir, newest first by modification time, with "
                        + "their size and modification time (UTC). Files whose names do not match "
                        + "db.filename-template are not backups and are not listed.",
                "",
                "With --media, lists the files of the media copy instead, sorted by path, after their "
                        + "count and total size."})
final class ListBackupsCommand extends OperationCommand {
    @Spec
    private CommandSpec spec;

    @Option(order = 1, names = {"-d", "--database"}, paramLabel = "ALIAS",
            description = "Only list the backups of this database (default: all databases).")
    private String database;

    @Option(order = 2, names = "--media", description = "List the media copy instead of the database backups.")
    private boolean media;

    ListBackupsCommand(CliContext context) {
        super(context);
    }

    @Override
    void validate() {
        if (media && database != null) {
            throw new ParameterException(spec.commandLine(), "--database and --media cannot be used together");
        }
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        reporter.results(media
                ? ListingFormat.media(backups.listMedia())
                : ListingFormat.backups(backups.listBackups(database)));
    }
}
