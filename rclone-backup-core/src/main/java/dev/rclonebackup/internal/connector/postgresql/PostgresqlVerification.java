package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Verification;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.process.Supervision;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Verifies a PostgreSQL backup in a scratch database {@code NAME_verify_XXXXXXXX}, created (from
 * {@code template0}, with the configured database's encoding and locale) and dropped through the
 * server's maintenance database {@code postgres}, never through the configured one. It is created
 * by the configured role when that may create databases, else by {@code options.admin-user}, owned
 * by the configured role (so the admin must be a superuser or a member of it). The configured role
 * restores into it and counts it, as it would restore its own database; its creator drops it.
 */
final class PostgresqlVerification implements Verification {
    /** The option naming a role that may create databases, when the application's role may not. */
    static final String ADMIN_USER = "admin-user";
    /** Its password. */
    static final String ADMIN_PASSWORD = "admin-password";

    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final int MAX_NAME_BYTES = 63;
    /** The drop's own bound: it must finish within the command line's clean-up time after a signal. */
    private static final Duration DROP_TIMEOUT = Duration.ofSeconds(8);

    private static final int DROP_ATTEMPTS = 2;

    private static final String COUNTS = String.join(
            " ",
            "SELECT count(*), coalesce(sum((xpath('/row/n/text()', query_to_xml(",
            "format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint), 0)",
            "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
            "WHERE c.relkind = 'r' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
            "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass",
            "AND d.objid = c.oid AND d.deptype = 'e')");

    private final Database database;
    private final String scratch;
    private Reporter reporter = Reporter.SILENT;
    private Database creator;

    PostgresqlVerification(Database database) {
        this.database = database;
        this.scratch = Verification.scratchName(database.name(), MAX_NAME_BYTES);
    }

    @Override
    public String scratchName() {
        return scratch;
    }

    @Override
    public Database createScratch(Reporter reporter) throws IOException {
        this.reporter = reporter;
        Database maintenance = renamed(database, MAINTENANCE_DATABASE, database.username(), database.password());
        List<List<String>> facts = TargetQuery.rows(
                maintenance,
                "SELECT r.rolcreatedb OR r.rolsuper, current_user, d.encoding, d.datcollate, d.datctype"
                        + " FROM pg_catalog.pg_roles r LEFT JOIN (SELECT pg_catalog.pg_encoding_to_char(encoding)"
                        + " AS encoding, datcollate, datctype FROM pg_catalog.pg_database WHERE datname = "
                        + literal(database.name()) + ") d ON true WHERE r.rolname = current_user",
                "prepare a verify",
                reporter);
        List<String> row = facts.get(0);
        boolean mayCreate = row.get(0).equals("t");
        Database role = mayCreate ? maintenance : admin(maintenance);
        StringBuilder create = new StringBuilder("CREATE DATABASE " + identifier(scratch) + " TEMPLATE template0");
        if (!mayCreate) {
            // Owned by the application's role, which restores into it as it would into its own database.
            create.append(" OWNER ").append(identifier(row.get(1)));
        }
        if (!row.get(2).isEmpty()) {
            create.append(" ENCODING ")
                    .append(literal(row.get(2)))
                    .append(" LC_COLLATE ")
                    .append(literal(row.get(3)))
                    .append(" LC_CTYPE ")
                    .append(literal(row.get(4)));
        }
        TargetQuery.rows(role, create.toString(), "create the scratch database " + scratch + " for a verify", reporter);
        creator = role;
        return scratchDatabase();
    }

    /** The maintenance connection as {@code options.admin-user}, or a failure saying what is needed. */
    private Database admin(Database maintenance) {
        String adminUser = database.option(ADMIN_USER);
        if (adminUser == null || adminUser.isBlank()) {
            String role = database.username() == null ? "the configured role" : "role '" + database.username() + "'";
            throw new RcloneBackupException(
                    ErrorCode.CONFIGURATION,
                    "Cannot verify database '" + database.alias() + "': a verify restores into a scratch database, "
                            + "and " + role + " may not create databases; grant it CREATEDB, or set "
                            + "databases." + database.alias() + ".options." + ADMIN_USER + " (and " + ADMIN_PASSWORD
                            + ") to a role that may.");
        }
        return renamed(maintenance, MAINTENANCE_DATABASE, adminUser, database.option(ADMIN_PASSWORD));
    }

    @Override
    public Contents check() throws IOException {
        List<List<String>> rows = TargetQuery.rows(
                scratchDatabase(), COUNTS, "count the tables and rows in scratch database " + scratch, reporter);
        return new Contents(
                Long.parseLong(rows.get(0).get(0)), Long.parseLong(rows.get(0).get(1)));
    }

    /** Drops the scratch database, ending sessions still in it (a pg_restore being ended, say). */
    @Override
    public void close() {
        if (creator == null) {
            return;
        }
        String drop = "DROP DATABASE IF EXISTS " + identifier(scratch) + " WITH (FORCE)";
        String problem = "";
        for (int attempt = 0; attempt < DROP_ATTEMPTS && creator != null; attempt++) {
            try {
                ProcessResult result = ProcessRunner.run(
                        TargetQuery.command(creator, drop),
                        null,
                        reporter,
                        new Supervision(Redactor.POSITIONAL, DROP_TIMEOUT));
                if (result.exitCode() == 0) {
                    reporter.detail("Dropped scratch database " + scratch);
                    creator = null;
                } else {
                    problem = result.stderr().strip();
                }
            } catch (IOException | RuntimeException e) {
                problem = String.valueOf(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "interrupted";
                break;
            }
        }
        if (creator != null) {
            reporter.warning("Could not drop scratch database " + scratch + " (" + problem + "); drop it by hand: "
                    + drop + ";");
        }
    }

    /** The scratch database as the configured role, which restores into it and counts it. */
    private Database scratchDatabase() {
        return renamed(database, scratch, database.username(), database.password());
    }

    private static Database renamed(Database database, String name, String username, String password) {
        return new Database(
                database.alias(),
                database.engine(),
                database.host(),
                database.port(),
                name,
                username,
                password,
                database.url(),
                database.options());
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
