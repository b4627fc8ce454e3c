package dev.rclonebackup.cli;

import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.RcloneBackup;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code dbbackup}: dumps a database, several or all of them, straight into the remote. */
final class DbBackupCommand extends OperationCommand<DbBackupCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String ALL = "--all";
    private static final String CLEAN = "--clean";
    private static final String DEFAULT_DATABASE = "default";

    /**
     * @param databases the aliases given, once each in the order given; empty for {@code default}
     *                  (or, with {@code all}, every configured database)
     * @param all       whether to back up every configured database
     * @param clean     whether to apply the retention policy afterwards
     */
    record Options(List<String> databases, boolean all, boolean clean) {
        /** Whether this is a run over several databases rather than the backup of one. */
        boolean several() {
            return all || databases.size() > 1;
        }
    }

    DbBackupCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.DBBACKUP.commandName(),
                "Back up a database (or several) to the remote.",
                "Streams the database's dump (pg_dump, mysqldump, sqlite3, …) straight into the remote as "
                        + "<db.backup-dir>/<name>, without an intermediate file. The name comes from "
                        + "db.filename-template, e.g. default-2024-01-15-120000.dump.",
                "",
                "A failed or interrupted backup leaves nothing under the final name, and an existing "
                        + "backup is never overwritten.",
                "",
                "With --all or several -d, the databases are backed up one after the other (--all: in "
                        + "configuration order); a failed database does not stop the others. When any "
                        + "failed, the run ends with 'Backup failed for N of M databases: a, b' and exit "
                        + "status 1. An interrupt stops the whole run.");
        spec.addOption(databaseOption(
                        DATABASE,
                        "Database to back up, by its alias under 'databases' (default: " + DEFAULT_DATABASE
                                + "). Repeat it to back up several: -d app -d analytics.")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .build());
        spec.addOption(
                Specs.flag(ALL, 2, "Back up every configured database, in configuration order (not with --database)."));
        spec.addOption(Specs.flag(
                CLEAN,
                3,
                "After a successful backup, delete this database's backups that the retention policy "
                        + "does not keep (db.retention, else the newest db.cleanup-keep, default 10), "
                        + "as the cleanup command does. With several databases, each is cleaned up after "
                        + "its own successful backup."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        List<String> given = spec.findOption(DATABASE).getValue();
        List<String> databases = given == null ? List.of() : List.copyOf(new LinkedHashSet<>(given));
        boolean all = Specs.isSet(spec, ALL);
        if (all && !databases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--all and --database cannot be used together");
        }
        return new Options(databases, all, Specs.isSet(spec, CLEAN));
    }

    @Override
    List<String> databases(Options options) {
        if (options.all()) {
            return List.of();
        }
        return options.databases().isEmpty() ? List.of(DEFAULT_DATABASE) : options.databases();
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        if (!options.several()) {
            String database = options.databases().isEmpty()
                    ? DEFAULT_DATABASE
                    : options.databases().get(0);
            backups.dbBackup(database, options.clean());
            return;
        }
        DbBackupsResult result = options.all()
                ? backups.dbBackupAll(options.clean())
                : backups.dbBackup(options.databases(), options.clean());
        if (!result.succeeded()) {
            throw new RunSummaryFailure(
                    result.failureSummary(),
                    result.failures().stream()
                            .map(DbBackupsResult.Outcome::failure)
                            .toList());
        }
    }
}
