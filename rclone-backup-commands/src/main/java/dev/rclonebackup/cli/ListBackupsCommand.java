package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code listbackups}: prints the database backups, or the media copy, found on the remote. */
final class ListBackupsCommand extends OperationCommand<ListBackupsCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String MEDIA = "--media";
    private static final String JSON = "--json";

    /**
     * @param database only this database's backups, or null for all
     * @param media    whether to list the media copy instead
     * @param json     whether to write one JSON array instead of the table
     */
    record Options(String database, boolean media, boolean json) {}

    ListBackupsCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.LISTBACKUPS.commandName(),
                "List the backups on the remote.",
                "Lists the database backups under db.backup-dir, newest first by modification time, with "
                        + "their size and modification time (UTC). Files whose names do not match "
                        + "db.filename-template are not backups and are not listed.",
                "",
                "With --media, lists the files of the media copy instead, sorted by path, after their "
                        + "count and total size.",
                "",
                "With --json, writes one JSON array on stdout and nothing else: for backups "
                        + "{\"database\", \"name\", \"path\", \"size\", \"modified\"} newest first, for media "
                        + "{\"path\", \"size\"} sorted by path; sizes in bytes, times in UTC. Nothing there: [].");
        spec.addOption(databaseOption(DATABASE, "Only list the backups of this database (default: all databases).")
                .build());
        spec.addOption(Specs.flag(MEDIA, 2, "List the media copy instead of the database backups."));
        spec.addOption(Specs.flag(JSON, 3, "Write the listing as one JSON array, for scripts."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        Options options = new Options(Specs.text(spec, DATABASE), Specs.isSet(spec, MEDIA), Specs.isSet(spec, JSON));
        if (options.media() && options.database() != null) {
            throw new ParameterException(spec.commandLine(), "--database and --media cannot be used together");
        }
        return options;
    }

    /** A listing changes nothing: it is not announced as a run. */
    @Override
    boolean notifies() {
        return false;
    }

    @Override
    boolean machineReadable(Options options) {
        return options.json();
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        if (options.json()) {
            reporter.result(
                    options.media()
                            ? JsonFormat.media(backups.listMedia())
                            : JsonFormat.backups(
                                    backups.listBackups(options.database()),
                                    backups.settings().dbBackupDir()));
            return;
        }
        reporter.results(
                options.media()
                        ? ListingFormat.media(backups.listMedia())
                        : ListingFormat.backups(backups.listBackups(options.database())));
    }
}
