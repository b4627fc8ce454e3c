package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbbackup}: dumps a database straight into the remote. */
@Command(name = "dbbackup", sortOptions = false,
        header = "Back up a database to the remote.",
        description = {
                "Streams the database's dump (pg_dump, mysqldump, sqlite3, …) straight into the remote as "
                        + "<db.backup-dir>/<name>, without an intermediate file. The name comes from "
                        + "db.filename-template, e.g. default-2024-01-15-120000.dump.",
                "",
                "A failed or interrupted backup leaves nothing under the final name, and an existing "
                        + "backup is never overwritten."})
final class DbBackupCommand extends OperationCommand {
    @Option(order = 1, names = {"-d", "--database"}, paramLabel = "ALIAS", defaultValue = "default",
            description = "Database to back up, by its alias under 'databases' (default: ${DEFAULT-VALUE}).")
    private String database;

    @Option(order = 2, names = "--clean",
            description = "After a successful backup, delete this database's oldest backups so that only "
                    + "db.cleanup-keep remain (default 10); the newest by modification time are kept.")
    private boolean clean;

    DbBackupCommand(CliContext context) {
        super(context);
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter) {
        backups.dbBackup(database, clean);
    }
}
