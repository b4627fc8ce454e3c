package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbbackup}: dumps a database straight into the remote. */
final class DbBackupCommand extends OperationCommand<DbBackupCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String CLEAN = "--clean";

    /**
     * @param database the database's alias
     * @param clean    whether to delete the oldest backups afterwards
     */
    record Options(String database, boolean clean) {}

    DbBackupCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.DBBACKUP.commandName(),
                "Back up a database to the remote.",
                "Streams the database's dump (pg_dump, mysqldump, sqlite3, …) straight into the remote as "
                        + "<db.backup-dir>/<name>, without an intermediate file. The name comes from "
                        + "db.filename-template, e.g. default-2024-01-15-120000.dump.",
                "",
                "A failed or interrupted backup leaves nothing under the final name, and an existing "
                        + "backup is never overwritten.");
        spec.addOption(databaseOption(
                        DATABASE, "Database to back up, by its alias under 'databases' (default: ${DEFAULT-VALUE}).")
                .defaultValue("default")
                .build());
        spec.addOption(Specs.flag(
                CLEAN,
                2,
                "After a successful backup, delete this database's oldest backups so that only "
                        + "db.cleanup-keep remain (default 10); the newest by modification time are kept."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        return new Options(Specs.text(spec, DATABASE), Specs.isSet(spec, CLEAN));
    }

    @Override
    List<String> databases(Options options) {
        return List.of(options.database());
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        backups.dbBackup(options.database(), options.clean());
    }
}
