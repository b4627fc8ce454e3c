package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@code pg_restore} into the configured database that first reads the archive's table of
 * contents and privileges ({@link #nextInspection()}) and the target database
 * ({@link #prepare(Reporter)}), then restores the entries {@link RestorePlan} keeps, through
 * {@code --use-list}, with owners and privileges. The listings are kept in a private temporary
 * folder (the archive's schema, never its data), deleted on close. While pg_restore runs, a
 * {@link LockWatch} stops it when it waits too long for a lock.
 *
 * <p>A caller that runs no inspection gets a plain restore without owners or privileges
 * ({@code --no-owner --no-acl}).
 */
final class PostgresqlRestore implements Restore {
    private static final String TARGET_FACTS = String.join(
            " ",
            "SELECT 'user', current_user, ''",
            "UNION ALL SELECT 'extension', extname, '' FROM pg_catalog.pg_extension",
            "WHERE NOT pg_catalog.pg_has_role(extowner, 'USAGE')",
            "UNION ALL SELECT 'table', n.nspname, c.relname FROM pg_catalog.pg_class c",
            "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
            "WHERE c.relkind = 'r' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
            "UNION ALL SELECT 'role', rolname, CASE WHEN pg_catalog.pg_has_role(oid, 'MEMBER') THEN 'actable'",
            "ELSE '' END FROM pg_catalog.pg_roles",
            "UNION ALL SELECT 'setting', split_part(setting, '=', 1), ''",
            "FROM pg_catalog.pg_db_role_setting s, unnest(s.setconfig) setting WHERE s.setrole = 0",
            "AND s.setdatabase = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())");
    /** The entries read as SQL before the restore: privileges and the database's own settings. */
    private static final Set<String> SCRIPTED_KINDS = Set.of("ACL", "DEFAULT ACL", "DATABASE PROPERTIES");

    private final Database database;
    private final List<String> leadingArguments;
    private final List<String> trailingArguments;
    private final Duration lockTimeout;
    private final String applicationName =
            "rclone-backup-restore-" + UUID.randomUUID().toString().replace("-", "");
    private Path folder;
    private int inspections;
    private ArchiveContents contents;
    private RestorePlan plan;
    private Path useList;
    private LockWatch lockWatch;

    /**
     * @param leadingArguments  pg_restore's argv up to the connection arguments
     * @param trailingArguments what follows the use list: the user's arguments and {@code --dbname}
     * @param lockTimeout       how long the restore may wait for a lock before it is stopped
     */
    PostgresqlRestore(
            Database database, List<String> leadingArguments, List<String> trailingArguments, Duration lockTimeout) {
        this.database = database;
        this.lockTimeout = lockTimeout;
        this.leadingArguments = List.copyOf(leadingArguments);
        this.trailingArguments = List.copyOf(trailingArguments);
    }

    /** First the table of contents, then, when it has any, the privilege and database settings entries as SQL. */
    @Override
    public Optional<Step.Command> nextInspection() {
        inspections++;
        if (inspections == 1) {
            return Optional.of(PostgresqlConnector.command(
                    List.of("pg_restore", "--list", "--verbose", "--file=" + file("contents.list")), database));
        }
        if (inspections == 2 && Files.exists(file("contents.list"))) {
            try {
                contents = ArchiveContents.parse(Files.readAllLines(file("contents.list")));
                List<String> statements = contents.entries().stream()
                        .filter(entry -> SCRIPTED_KINDS.contains(entry.kind()))
                        .map(ArchiveContents.Entry::line)
                        .toList();
                if (!statements.isEmpty()) {
                    // --create: only then does pg_restore write the DATABASE PROPERTIES entry.
                    Files.write(file("statements.list"), statements);
                    return Optional.of(PostgresqlConnector.command(
                            List.of(
                                    "pg_restore",
                                    "--verbose",
                                    "--create",
                                    "--use-list=" + file("statements.list"),
                                    "--file=" + file("statements.sql")),
                            database));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the backup's table of contents", e);
            }
        }
        return Optional.empty();
    }

    @Override
    public void prepare(Reporter reporter) throws IOException {
        if (contents != null) {
            plan(reporter);
        }
        String label = database.option(PostgresqlConnector.LOCK_TIMEOUT);
        lockWatch = LockWatch.start(database, applicationName, lockTimeout, label == null ? "60s" : label);
    }

    private void plan(Reporter reporter) throws IOException {
        String user = null;
        Set<String> targetSettings = new HashSet<>();
        Set<String> foreignExtensions = new HashSet<>();
        List<String[]> tables = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        Set<String> actableRoles = new HashSet<>();
        for (List<String> row :
                TargetQuery.rows(database, TARGET_FACTS, "read the database before the restore", reporter)) {
            switch (row.get(0)) {
                case "user" -> user = row.get(1);
                case "extension" -> foreignExtensions.add(row.get(1));
                case "table" -> tables.add(new String[] {row.get(1), row.get(2)});
                case "setting" -> targetSettings.add(row.get(1).toLowerCase(Locale.ROOT));
                case "role" -> {
                    roles.add(row.get(1));
                    if (row.get(2).equals("actable")) {
                        actableRoles.add(row.get(1));
                    }
                }
                default -> {}
            }
        }
        Path script = file("statements.sql");
        List<String> statements = Files.exists(script) ? Files.readAllLines(script) : List.of();
        Map<Integer, PrivilegeStatements.Needs> privileges = PrivilegeStatements.parse(statements);
        List<String> missingSettings = new ArrayList<>();
        String target = database.name();
        DatabaseSettings.parse(statements).forEach((name, value) -> {
            if (!targetSettings.contains(name)) {
                missingSettings.add(DatabaseSettings.statement(target, name, value));
            }
        });
        plan = new RestorePlan(
                contents, new RestorePlan.Target(user, foreignExtensions, tables, roles, actableRoles), privileges);
        report(plan, user, reporter);
        if (!missingSettings.isEmpty()) {
            reporter.warning("The backed-up database had settings that database '" + target + "' lacks, which a"
                    + " restore does not apply; as its owner, run: " + String.join(" ", missingSettings));
        }
        useList = file("restore.list");
        Files.write(useList, plan.useList());
    }

    private static void report(RestorePlan plan, String user, Reporter reporter) {
        for (String extension : plan.keptExtensions()) {
            reporter.detail("Leaving extension " + extension + " as it is: the restoring role may not own it");
        }
        for (String table : plan.keptTables()) {
            reporter.info("Keeping the current rows of table " + table + ": the backup holds none of its data");
        }
        if (!plan.foreignOwners().isEmpty()) {
            reporter.warning("Objects owned by " + String.join(", ", plan.foreignOwners()) + " are restored owned by "
                    + user + ", which may not act as "
                    + (plan.foreignOwners().size() == 1 ? "that role" : "those roles")
                    + " (missing here, or not granted to it); restore as a superuser or a member of "
                    + (plan.foreignOwners().size() == 1 ? "it" : "them") + " to keep the owners.");
        }
        if (!plan.skippedPrivileges().isEmpty()) {
            reporter.warning("Privileges not restored on: " + String.join("; ", plan.skippedPrivileges()) + ".");
        }
    }

    @Override
    public Step step() {
        List<String> argv = new ArrayList<>(leadingArguments);
        if (plan == null) {
            argv.addAll(1, List.of("--no-owner", "--no-acl"));
        } else {
            if (!plan.foreignOwners().isEmpty()) {
                argv.add(1, "--no-owner");
            }
            argv.add("--use-list=" + useList);
        }
        argv.addAll(trailingArguments);
        Step.Command command = PostgresqlConnector.command(argv, database);
        Map<String, String> environment = new HashMap<>(command.environment());
        environment.put("PGAPPNAME", applicationName);
        return new Step.Command(command.argv(), environment, command.packageHint());
    }

    @Override
    public Optional<String> failureExplanation() {
        if (lockWatch == null) {
            return Optional.empty();
        }
        try {
            return lockWatch.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void commit() {
        stopWatching();
    }

    @Override
    public void abort() {
        stopWatching();
    }

    private void stopWatching() {
        if (lockWatch != null) {
            lockWatch.close();
        }
    }

    @Override
    public void close() {
        stopWatching();
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // A temporary folder left behind holds no data and no credential.
        }
    }

    private Path file(String name) {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory(
                        "rclone-backup-pg-restore-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a temporary folder for the restore", e);
            }
        }
        return folder.resolve(name);
    }
}
