package dev.rclonebackup.cli;

import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RestoreConfirmation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbrestore}: streams a backup from the remote into a database, after confirmation. */
@Command(name = "dbrestore", sortOptions = false,
        header = "Restore a database from a backup on the remote.",
        description = {
                "Streams the backup from the remote straight into the database's restore tool "
                        + "(pg_restore, mysql, sqlite3, …), replacing the database's current content. "
                        + "A failed restore says so and exits 1; PostgreSQL restores run in one "
                        + "transaction and SQLite restores swap the file in only on success.",
                "",
                "Asks for confirmation first unless --noinput is given; answering anything but "
                        + "y or yes cancels without changing anything (exit status 0). When there is no "
                        + "input to read the answer from, it fails with exit status 2."})
final class DbRestoreCommand extends OperationCommand {
    @Option(order = 1, names = {"-d", "--database"}, paramLabel = "ALIAS",
            description = "Database to restore, by its alias under 'databases' "
                    + "(default: the only database, when exactly one is configured).")
    private String database;

    @Option(order = 2, names = {"-i", "--input-path"}, paramLabel = "NAME",
            description = "Backup to restore, relative to db.backup-dir, e.g. default-2024-01-15-120000.dump "
                    + "(default: the database's newest backup by modification time).")
    private String inputPath;

    @Option(order = 3, names = "--noinput",
            description = "Restore without asking for confirmation (for scripts, where there is no one to answer).")
    private boolean noInput;

    DbRestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        RestoreConfirmation confirmation = noInput
                ? RestoreConfirmation.ALWAYS
                : new PromptConfirmation(context().in(), context().out());
        DbRestoreResult result = backups.dbRestore(database, inputPath, confirmation);
        if (result.cancelled()) {
            reporter.info("Restore cancelled.");
        }
    }
}
