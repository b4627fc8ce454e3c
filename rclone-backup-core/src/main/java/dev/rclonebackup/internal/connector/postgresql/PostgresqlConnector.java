package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.connector.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL through {@code pg_dump} and {@code pg_restore}, in pg_dump's custom format.
 *
 * <p>The restore runs in a single transaction and stops at the first error, so a failed restore
 * leaves the database as it was. It restores GRANTs and default privileges, and owners when the
 * restoring role may act as them, so the application's own role can restore its database
 * without being a superuser (see {@link PostgresqlRestore} and {@link RestorePlan}). The password
 * travels in {@code PGPASSWORD}, never on the command line, and the database name in
 * {@code PGDATABASE}, so that any name works; {@code --no-password} makes the
 * tools fail instead of prompting when none is given.
 *
 * <p>Options: {@code dump-args} and {@code restore-args} are appended to the respective
 * command line (e.g. {@code --exclude-table-data=audit_log}); {@code lock-timeout} (default 60 s)
 * bounds a restore's wait for another session's lock.
 */
public class PostgresqlConnector implements Connector {
    public static final String ID = "postgresql";
    /** The option: how long a restore may wait for another session's lock (default 60 s). */
    public static final String LOCK_TIMEOUT = "lock-timeout";

    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    private static final String PACKAGE = "postgresql-client";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String extension() {
        return "dump";
    }

    @Override
    public Dump dump(Database database) {
        List<String> argv = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-password"));
        argv.addAll(connectionArguments(database));
        argv.addAll(database.listOption("dump-args"));
        return Dump.of(command(argv, database));
    }

    @Override
    public Restore restore(Database database) {
        List<String> leading = new ArrayList<>(List.of(
                "pg_restore", "--clean", "--if-exists", "--single-transaction", "--exit-on-error", "--no-password"));
        leading.addAll(connectionArguments(database));
        List<String> trailing = new ArrayList<>(database.listOption("restore-args"));
        // Restore into a database, not to a script; the empty value leaves its name to PGDATABASE.
        trailing.add("--dbname=");
        return new PostgresqlRestore(
                database, leading, trailing, database.durationOption(LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT));
    }

    /**
     * Verifies in a scratch database created through the maintenance database {@code postgres},
     * as the configured role or, when that may not create databases, as {@code options.admin-user}.
     */
    @Override
    public Optional<Verification> verification(Database database) {
        return Optional.of(new PostgresqlVerification(database));
    }

    /** {@code --host}, {@code --port} and {@code --username} for those that are set. */
    protected static List<String> connectionArguments(Database database) {
        List<String> arguments = new ArrayList<>();
        if (database.host() != null) {
            arguments.add("--host=" + database.host());
        }
        if (database.port() != null) {
            arguments.add("--port=" + database.port());
        }
        if (database.username() != null) {
            arguments.add("--username=" + database.username());
        }
        return arguments;
    }

    /**
     * The command with the database name in {@code PGDATABASE} (an argument containing {@code =}
     * would be read as a connection string), the password, if any, in {@code PGPASSWORD} and the
     * URL's TLS settings in {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT} and {@code PGSSLKEY}.
     *
     * @throws dev.rclonebackup.ConfigurationException when the URL has a parameter this connector does not know
     */
    protected static Step.Command command(List<String> argv, Database database) {
        Map<String, String> environment = new HashMap<>(PostgresTls.environment(database));
        if (database.name() != null) {
            environment.put("PGDATABASE", database.name());
        }
        if (database.password() != null) {
            environment.put("PGPASSWORD", database.password());
        }
        return new Step.Command(argv, environment, PACKAGE);
    }
}
