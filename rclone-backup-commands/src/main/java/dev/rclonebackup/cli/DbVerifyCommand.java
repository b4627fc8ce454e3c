package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbverify}: restores a backup into a scratch database or file, counts it and removes it again. */
final class DbVerifyCommand extends OperationCommand<DbVerifyCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String INPUT_PATH = "--input-path";

    /**
     * @param database  the database's alias, or null for the only one configured
     * @param inputPath the backup to verify, or null for the newest
     */
    record Options(String database, String inputPath) {}

    DbVerifyCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.DBVERIFY.commandName(),
                "Check that a backup restores, without touching the database.",
                "Restores the backup through the database's normal restore into a scratch target — a new "
                        + "database NAME_verify_XXXXXXXX for PostgreSQL and MariaDB/MySQL, a temporary file for "
                        + "SQLite and H2 — counts its tables and rows (SQLite also runs PRAGMA integrity_check), "
                        + "and removes the scratch target again, also after a failure or an interrupt. The "
                        + "configured database is never written to.",
                "",
                "Exits 1 when the backup does not restore, and 2 when the database's connector cannot "
                        + "verify (MongoDB) or its role may not create the scratch database and no "
                        + "options.admin-user is configured.");
        spec.addOption(databaseOption(
                        DATABASE,
                        "Database whose backup to verify, by its alias under 'databases' "
                                + "(default: the only database, when exactly one is configured).")
                .build());
        spec.addOption(Specs.option(
                        2,
                        "NAME",
                        "Backup to verify, relative to db.backup-dir, e.g. default-2024-01-15-120000.dump "
                                + "(default: the database's newest backup by modification time).",
                        "-i",
                        INPUT_PATH)
                .build());
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        return new Options(Specs.text(spec, DATABASE), Specs.text(spec, INPUT_PATH));
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        backups.dbVerify(options.database(), options.inputPath());
    }
}
