package dev.rclonebackup.cli;

import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RestoreConfirmation;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbrestore}: streams a backup from the remote into a database, after confirmation. */
final class DbRestoreCommand extends OperationCommand<DbRestoreCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String FROM = "--from";
    private static final String INPUT_PATH = "--input-path";
    private static final String NO_INPUT = "--noinput";

    /**
     * @param database  the database's alias, or null for the only one configured
     * @param from      the database whose backup to restore, or null for the database's own
     * @param inputPath the backup to restore, or null for the newest
     * @param noInput   whether to restore without asking
     */
    record Options(String database, String from, String inputPath, boolean noInput) {}

    DbRestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.DBRESTORE.commandName(),
                "Restore a database from a backup on the remote.",
                "Streams the backup from the remote straight into the database's restore tool "
                        + "(pg_restore, mysql, sqlite3, …), replacing the database's current content. "
                        + "A failed restore says so and exits 1; PostgreSQL restores run in one "
                        + "transaction and SQLite restores swap the file in only on success.",
                "",
                "Asks for confirmation first unless --noinput is given; answering anything but "
                        + "y or yes cancels without changing anything (exit status 0). When there is no "
                        + "input to read the answer from, it fails with exit status 2.",
                "",
                "With --from, restores another database's backup, e.g. production's into staging: "
                        + "dbrestore -d staging --from prod. Both must use the same connector; the "
                        + "restore guarantees are those of the database restored into.");
        spec.addOption(databaseOption(
                        DATABASE,
                        "Database to restore, by its alias under 'databases' "
                                + "(default: the only database, when exactly one is configured).")
                .build());
        spec.addOption(Specs.option(
                        2,
                        "SOURCE",
                        "Restore a backup of this other database (by its alias; it must use the same connector) "
                                + "instead of the database's own backups.",
                        FROM)
                .build());
        spec.addOption(Specs.option(
                        3,
                        "NAME",
                        "Backup to restore, relative to db.backup-dir, e.g. "
                                + "default-2024-01-15-120000.dump; it must be a backup of the database "
                                + "restored from (default: that database's newest backup by modification time).",
                        "-i",
                        INPUT_PATH)
                .build());
        spec.addOption(Specs.flag(
                NO_INPUT,
                4,
                "Restore without asking for confirmation (for scripts, where there is no one to answer)."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        return new Options(
                Specs.text(spec, DATABASE),
                Specs.text(spec, FROM),
                Specs.text(spec, INPUT_PATH),
                Specs.isSet(spec, NO_INPUT));
    }

    @Override
    List<String> databases(Options options) {
        return options.database() == null ? List.of() : List.of(options.database());
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        RestoreConfirmation confirmation = options.noInput()
                ? RestoreConfirmation.ALWAYS
                : new PromptConfirmation(context().in(), context().out());
        DbRestoreResult result = backups.dbRestore(
                new DbRestoreOptions(options.database(), options.from(), options.inputPath()), confirmation);
        if (result.cancelled()) {
            reporter.info("Restore cancelled.");
        }
    }
}
