package dev.rclonebackup.cli;

import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RestoreConfirmation;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbrestore}: streams a backup from the remote into a database, after confirmation. */
final class DbRestoreCommand extends OperationCommand<DbRestoreCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String INPUT_PATH = "--input-path";
    private static final String NO_INPUT = "--noinput";

    /**
     * @param database  the database's alias, or null for the only one configured
     * @param inputPath the backup to restore, or null for the newest
     * @param noInput   whether to restore without asking
     */
    record Options(String database, String inputPath, boolean noInput) {}

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
                        + "input to read the answer from, it fails with exit status 2.");
        spec.addOption(databaseOption(
                        DATABASE,
                        "Database to restore, by its alias under 'databases' "
                                + "(default: the only database, when exactly one is configured).")
                .build());
        spec.addOption(Specs.option(
                        2,
                        "NAME",
                        "Backup to restore, relative to db.backup-dir, e.g. "
                                + "default-2024-01-15-120000.dump (default: the database's newest backup by modification time).",
                        "-i",
                        INPUT_PATH)
                .build());
        spec.addOption(Specs.flag(
                NO_INPUT,
                3,
                "Restore without asking for confirmation (for scripts, where there is no one to answer)."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        return new Options(Specs.text(spec, DATABASE), Specs.text(spec, INPUT_PATH), Specs.isSet(spec, NO_INPUT));
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
        DbRestoreResult result = backups.dbRestore(options.database(), options.inputPath(), confirmation);
        if (result.cancelled()) {
            reporter.info("Restore cancelled.");
        }
    }
}
