package dev.rclonebackup.internal.connector.postgis;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.connector.postgresql.PostgresqlConnector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL databases using PostGIS: dumps and restores as {@link PostgresqlConnector} does, with
 * the PostGIS extensions left to a database administrator, so that the application's own role,
 * which is not a superuser, can restore its database.
 *
 * <p>PostGIS can only be created by a superuser, only its owner may drop or comment on it, and its
 * {@code spatial_ref_sys} table is read-only for other roles, so a restore by the application's
 * role fails on the {@code DROP EXTENSION}, {@code COMMENT ON EXTENSION} and {@code spatial_ref_sys}
 * data that pg_dump writes for it. Hence:
 * <ul>
 *   <li>The dump leaves out every extension whose name starts with {@code postgis}, with their
 *       {@code spatial_ref_sys} rows. PostgreSQL 15's pg_dump can only select extensions to keep
 *       ({@code --extension}, which matches all the others here, so that extensions the
 *       application created itself are kept); selecting them narrows the dump to objects that
 *       belong to a schema, so large objects are added back with {@code --blobs}, while
 *       user-defined casts, publications, foreign servers and user mappings are not in the
 *       backup. pg_dump fails when no other extension exists, not even {@code plpgsql}.</li>
 *   <li>Before the restore, {@code psql} connects as {@code options.admin-user} (password
 *       {@code options.admin-password}, in {@code PGPASSWORD}) and runs
 *       {@code CREATE EXTENSION IF NOT EXISTS postgis} in the target database. Without
 *       {@code admin-user} this step is skipped and the extension must already exist. When it
 *       fails, the restore stops before anything was changed.</li>
 * </ul>
 */
public final class PostgisConnector extends PostgresqlConnector {
    public static final String ID = "postgis";
    /** The option naming the role that creates the extension before a restore. */
    public static final String ADMIN_USER = "admin-user";
    /** The option holding that role's password. */
    public static final String ADMIN_PASSWORD = "admin-password";

    private static final String EXTENSION = "postgis";
    private static final String DUMP_ARGS = "dump-args";
    private static final List<String> NO_LARGE_OBJECTS = List.of("-B", "--no-blobs", "--no-large-objects");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Dump dump(Database database) {
        List<String> userArguments = database.listOption(DUMP_ARGS);
        List<String> arguments = new ArrayList<>();
        if (userArguments.stream().noneMatch(NO_LARGE_OBJECTS::contains)) {
            arguments.add("--blobs");
        }
        arguments.add("--extension=" + ExtensionNamePattern.notStartingWith(EXTENSION));
        arguments.addAll(userArguments);
        return super.dump(withOption(database, DUMP_ARGS, arguments));
    }

    @Override
    public Restore restore(Database database) {
        Restore restore = super.restore(database);
        String adminUser = database.option(ADMIN_USER);
        if (adminUser == null || adminUser.isBlank()) {
            return restore;
        }
        return new ExtensionCreatingRestore(restore, createExtension(database, adminUser), adminUser, database.name());
    }

    /** {@code psql} running {@code CREATE EXTENSION IF NOT EXISTS postgis} as the admin user. */
    private static Step.Command createExtension(Database database, String adminUser) {
        Database asAdmin = new Database(
                database.alias(),
                database.engine(),
                database.host(),
                database.port(),
                database.name(),
                adminUser,
                database.option(ADMIN_PASSWORD),
                database.url(),
                database.options());
        List<String> argv =
                new ArrayList<>(List.of("psql", "--no-psqlrc", "--no-password", "--quiet", "--set=ON_ERROR_STOP=1"));
        argv.addAll(connectionArguments(asAdmin));
        argv.add("--command=CREATE EXTENSION IF NOT EXISTS " + EXTENSION);
        return command(argv, asAdmin);
    }

    private static Database withOption(Database database, String key, Object value) {
        Map<String, Object> options = new HashMap<>(database.options());
        options.put(key, value);
        return new Database(
                database.alias(),
                database.engine(),
                database.host(),
                database.port(),
                database.name(),
                database.username(),
                database.password(),
                database.url(),
                options);
    }
}
