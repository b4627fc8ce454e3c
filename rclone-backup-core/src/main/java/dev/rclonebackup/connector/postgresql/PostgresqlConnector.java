package dev.rclonebackup.connector.postgresql;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL through {@code pg_dump} and {@code pg_restore}, in pg_dump's custom format.
 *
 * <p>The restore runs in a single transaction and stops at the first error, so a failed restore
 * leaves the database as it was. It restores neither ownership nor privileges, so the
 * application's own role can restore its database without being a superuser. The password
 * travels in {@code PGPASSWORD}, never on the command line; {@code --no-password} makes the
 * tools fail instead of prompting when none is given.
 *
 * <p>Options: {@code dump-args} and {@code restore-args} are appended to the respective
 * command line (e.g. {@code --exclude-table-data=audit_log}).
 */
public class PostgresqlConnector implements Connector {
    public static final String ID = "postgresql";
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
        argv.add("--dbname=" + database.name());
        return Dump.of(command(argv, database));
    }

    @Override
    public Restore restore(Database database) {
        List<String> argv = new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-acl", "--clean", "--if-exists",
                "--single-transaction", "--exit-on-error", "--no-password"));
        argv.addAll(connectionArguments(database));
        argv.addAll(database.listOption("restore-args"));
        argv.add("--dbname=" + database.name());
        return Restore.of(command(argv, database));
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
     * The command with the password, if any, in {@code PGPASSWORD} and the URL's TLS settings in
     * {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT} and {@code PGSSLKEY}.
     *
     * @throws dev.rclonebackup.ConfigurationException when the URL has a parameter this connector does not know
     */
    protected static Step.Command command(List<String> argv, Database database) {
        Map<String, String> environment = new HashMap<>(PostgresTls.environment(database));
        if (database.password() != null) {
            environment.put("PGPASSWORD", database.password());
        }
        return new Step.Command(argv, environment, PACKAGE);
    }
}
