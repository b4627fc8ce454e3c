package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PostgreSQL restore brings back, on the real PostgreSQL 15 test server: backups made and
 * restored through the facade by an application role that owns its database and is not a
 * superuser, unless a test says otherwise.
 */
@Timeout(180)
class PostgresqlRestoreTest {
    @TempDir
    Path remote;

    final RecordingReporter reporter = new RecordingReporter();
    final PostgresServer server = PostgresServer.shared();

    /** An application database: its name, its owning role and that role's password. */
    record App(String name, String role, String password) {}

    @Test
    void aDatabaseNameContainingAnEqualsSignBacksUpAndRestores() throws Exception {
        App app = newApp("app=" + suffix() + " x", "app_" + suffix());
        sql(app, "CREATE TABLE item (id INT PRIMARY KEY, label TEXT)", "INSERT INTO item VALUES (1, 'kept')");
        RcloneBackup backups = backups(settings(app, Map.of()));
        backups.dbBackup("default", false);
        sql(app, "UPDATE item SET label = 'changed'");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(strings(app, "SELECT label FROM item")).containsExactly("kept");
    }

    @Test
    void aFailedRestoreReportsPgRestoresErrorLineFirst() throws Exception {
        App app = newApp();
        sql(app, "CREATE TABLE people (id INT PRIMARY KEY, name TEXT)", "INSERT INTO people VALUES (1, 'ann')");
        RcloneBackup backups = backups(settings(app, Map.of()));
        backups.dbBackup("default", false);
        sql(
                app,
                "CREATE TABLE orders (id INT PRIMARY KEY, person INT REFERENCES people (id))",
                "INSERT INTO orders VALUES (1, 1)");

        assertThatThrownBy(() -> backups.dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("pg_restore exited with status 1: pg_restore: error: could not execute query:"
                        + " ERROR:  cannot drop constraint people_pkey on table public.people because other objects"
                        + " depend on it | DETAIL:  constraint orders_person_fkey");
        assertThat(strings(app, "SELECT name FROM people")).containsExactly("ann");
        assertThat(strings(app, "SELECT count(*) FROM orders")).containsExactly("1");
    }

    @Test
    void anExtensionInstalledByASuperuserIsLeftInPlaceAndEverythingElseRestored() throws Exception {
        App app = newApp();
        superuserSql(app, "CREATE EXTENSION citext");
        sql(
                app,
                "CREATE TABLE people (id INT PRIMARY KEY, email CITEXT)",
                "INSERT INTO people VALUES (1, 'Ann@Example.org')");
        RcloneBackup backups = backups(settings(app, Map.of()));
        backups.dbBackup("default", false);
        sql(app, "UPDATE people SET email = 'changed'", "INSERT INTO people VALUES (2, 'added')");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(strings(app, "SELECT email FROM people WHERE email = 'ann@example.org'"))
                .containsExactly("Ann@Example.org");
        assertThat(strings(app, "SELECT count(*) FROM people")).containsExactly("1");
        assertThat(strings(app, "SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'citext'"))
                .containsExactly("postgres");
    }

    @Test
    void aTableWhoseDataWasExcludedKeepsItsRowsWhileTheOthersAreRestored() throws Exception {
        App app = newApp();
        sql(
                app,
                "CREATE SCHEMA app",
                "CREATE TABLE app.people (id SERIAL PRIMARY KEY, name TEXT)",
                "CREATE TABLE app.audit_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " person INT REFERENCES app.people (id), message TEXT)",
                "CREATE INDEX audit_log_message ON app.audit_log (message)",
                "CREATE VIEW app.audit_view AS SELECT message FROM app.audit_log",
                "INSERT INTO app.people (name) VALUES ('ann'), ('bob')",
                "INSERT INTO app.audit_log (person, message) SELECT 1, 'event ' || n FROM generate_series(1, 6) n");
        RcloneBackup backups =
                backups(settings(app, Map.of("dump-args", List.of("--exclude-table-data=app.audit_log"))));
        backups.dbBackup("default", false);
        sql(
                app,
                "UPDATE app.people SET name = 'changed'",
                "INSERT INTO app.people (name) VALUES ('carl')",
                "INSERT INTO app.audit_log (person, message) VALUES (2, 'after the backup')");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(strings(app, "SELECT name FROM app.people ORDER BY id")).containsExactly("ann", "bob");
        assertThat(strings(app, "SELECT count(*) FROM app.audit_view")).containsExactly("7");
        sql(app, "INSERT INTO app.audit_log (person, message) VALUES (1, 'after the restore')");
        assertThat(strings(app, "SELECT id FROM app.audit_log WHERE message = 'after the restore'"))
                .containsExactly("8");
        assertThat(reporter.all()).contains("Keeping the current rows of table app.audit_log");
    }

    @Test
    void aTableWhoseDataWasExcludedIsCreatedEmptyWhenMissing() throws Exception {
        App app = newApp();
        sql(
                app,
                "CREATE TABLE people (id INT PRIMARY KEY)",
                "CREATE TABLE audit_log (id INT, note TEXT)",
                "INSERT INTO people VALUES (1)",
                "INSERT INTO audit_log VALUES (1, 'x')");
        RcloneBackup backups = backups(settings(app, Map.of("dump-args", List.of("--exclude-table-data=audit_log"))));
        backups.dbBackup("default", false);
        sql(app, "DROP TABLE audit_log", "DELETE FROM people");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(strings(app, "SELECT count(*) FROM audit_log")).containsExactly("0");
        assertThat(strings(app, "SELECT id FROM people")).containsExactly("1");
    }

    @Test
    void aRestoreBlockedByAnotherSessionStopsAfterTheLockTimeoutNamingThatSession() throws Exception {
        App app = newApp();
        sql(app, "CREATE TABLE people (id INT PRIMARY KEY, name TEXT)", "INSERT INTO people VALUES (1, 'ann')");
        RcloneBackup backups = backups(settings(app, Map.of("lock-timeout", "2s")));
        backups.dbBackup("default", false);
        sql(app, "UPDATE people SET name = 'changed'");

        Throwable failure;
        long started = System.nanoTime();
        try (Connection blocker = server.connect(app.name(), app.role(), app.password())) {
            execute(blocker, "SET application_name = 'nightly-report'");
            blocker.setAutoCommit(false);
            strings(blocker, "SELECT count(*) FROM people");
            CompletableFuture<Throwable> restore = CompletableFuture.supplyAsync(() -> {
                try {
                    backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            failure = restore.get(60, TimeUnit.SECONDS);
            blocker.rollback();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(failure)
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("waited longer than the lock timeout (options.lock-timeout, 2s)")
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining(
                        "application 'nightly-report', user " + app.role() + ", idle in transaction since ")
                .hasMessageContaining("SELECT pg_terminate_backend(");
        assertThat(((RcloneBackupException) failure).errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED);
        assertThat(strings(app, "SELECT name FROM people")).containsExactly("changed");
    }

    @Test
    void grantsAndDefaultPrivilegesComeBackForALeastPrivilegeRole() throws Exception {
        App app = newApp();
        String reader = "reader_" + suffix();
        String readerPassword = Passwords.random();
        server.createRole(reader, readerPassword);
        sql(
                app,
                "CREATE SCHEMA app",
                "CREATE TABLE app.people (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO app.people VALUES (1, 'ann')",
                "GRANT USAGE ON SCHEMA app TO " + reader,
                "GRANT SELECT ON app.people TO " + reader,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO " + reader);
        RcloneBackup backups = backups(settings(app, Map.of()));
        backups.dbBackup("default", false);

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);
        sql(app, "CREATE TABLE app.later (id INT)", "INSERT INTO app.later VALUES (7)");

        try (Connection connection = server.connect(app.name(), reader, readerPassword)) {
            assertThat(strings(connection, "SELECT name FROM app.people")).containsExactly("ann");
            assertThat(strings(connection, "SELECT id FROM app.later")).containsExactly("7");
        }
        assertThat(strings(app, "SELECT tableowner FROM pg_tables WHERE schemaname = 'app' AND tablename = 'people'"))
                .containsExactly(app.role());
    }

    @Test
    void aRestoreAsTheSuperuserKeepsTheOwners() throws Exception {
        App app = newApp();
        sql(
                app,
                "CREATE SCHEMA app",
                "CREATE TABLE app.people (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO app.people VALUES (1, 'ann')");
        DatabaseSettings asSuperuser = DatabaseSettings.builder()
                .engine("postgresql")
                .host(server.host())
                .port(server.port())
                .name(app.name())
                .username(server.superuser())
                .password(server.superuserPassword())
                .build();
        RcloneBackup backups = backups(asSuperuser);
        backups.dbBackup("default", false);
        sql(app, "DELETE FROM app.people");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        sql(app, "INSERT INTO app.people VALUES (2, 'bob')");
        assertThat(strings(app, "SELECT name FROM app.people ORDER BY id")).containsExactly("ann", "bob");
        assertThat(strings(app, "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'app'"))
                .containsExactly(app.role());
        assertThat(reporter.all()).doesNotContain("Warning");
    }

    @Test
    void ownersAndGranteesMissingFromTheTargetAreReportedAndTheRestStillRestores() throws Exception {
        App source = newApp();
        String reader = "reader_" + suffix();
        String otherOwner = "owner_" + suffix();
        server.createRole(reader, Passwords.random());
        server.createRole(otherOwner, Passwords.random());
        sql(
                source,
                "CREATE SCHEMA app",
                "CREATE TABLE app.people (id INT PRIMARY KEY, name TEXT)",
                "INSERT INTO app.people VALUES (1, 'ann')",
                "GRANT USAGE ON SCHEMA app TO " + reader);
        superuserSql(
                source,
                "CREATE TABLE app.extra (id INT)",
                "INSERT INTO app.extra VALUES (5)",
                "ALTER TABLE app.extra OWNER TO " + otherOwner,
                "GRANT SELECT ON app.extra TO " + source.role());
        backups(settings(source, Map.of())).dbBackup("default", false);
        superuserSql(source, "DROP OWNED BY " + reader, "DROP ROLE " + reader);
        App target = newApp();

        backups(settings(target, Map.of())).dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(strings(target, "SELECT name FROM app.people")).containsExactly("ann");
        assertThat(strings(target, "SELECT id FROM app.extra")).containsExactly("5");
        assertThat(reporter.lines)
                .contains(
                        "Warning: Objects owned by "
                                + String.join(", ", new java.util.TreeSet<>(List.of(source.role(), otherOwner)))
                                + " are restored owned by "
                                + target.role()
                                + ", which may not act as those roles (missing here, or not granted to it);"
                                + " restore as a superuser or a member of them to keep the owners.",
                        "Warning: Privileges not restored on: SCHEMA app (role " + reader + " does not exist).");
    }

    @Test
    void databaseSettingsTheTargetLacksAreNamedWithTheStatementsToApplyThem() throws Exception {
        App source = newApp();
        sql(
                source,
                "CREATE SCHEMA app",
                "CREATE TABLE app.people (id INT PRIMARY KEY)",
                "ALTER DATABASE " + source.name() + " SET search_path = app, public",
                "ALTER DATABASE " + source.name() + " SET work_mem = '8MB'");
        backups(settings(source, Map.of())).dbBackup("default", false);
        App target = newApp();
        sql(target, "ALTER DATABASE " + target.name() + " SET work_mem = '16MB'");

        backups(settings(source, Map.of())).dbRestore("default", null, RestoreConfirmation.ALWAYS);
        assertThat(reporter.all()).doesNotContain("settings");
        backups(settings(target, Map.of())).dbRestore("default", null, RestoreConfirmation.ALWAYS);

        String warning = "Warning: The backed-up database had settings that database '" + target.name() + "' lacks,"
                + " which a restore does not apply; as its owner, run: ALTER DATABASE \"" + target.name()
                + "\" SET search_path TO 'app', 'public';";
        assertThat(reporter.lines).contains(warning);
        sql(target, warning.substring(warning.indexOf("ALTER DATABASE")));
        assertThat(strings(target, "SELECT count(*) FROM people")).containsExactly("0");
    }

    App newApp() {
        return newApp("app_" + suffix(), null);
    }

    /** A database {@code name} owned by a new role (named {@code role}, or like the database). */
    App newApp(String name, String role) {
        String owner = role == null ? name : role;
        String password = Passwords.random();
        server.createRole(owner, password);
        try (Connection connection = server.connectAsSuperuser("postgres")) {
            execute(connection, "CREATE DATABASE \"" + name + "\" OWNER " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new App(name, owner, password);
    }

    static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    DatabaseSettings settings(App app, Map<String, Object> options) {
        return DatabaseSettings.builder()
                .engine("postgresql")
                .host(server.host())
                .port(server.port())
                .name(app.name())
                .username(app.role())
                .password(app.password())
                .options(options)
                .build();
    }

    RcloneBackup backups(DatabaseSettings database) {
        Settings settings = Settings.builder()
                .remote(remote.toString())
                .database("default", database)
                .build();
        return RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .load();
    }

    /** Runs statements as the application's role. */
    void sql(App app, String... statements) throws SQLException {
        try (Connection connection = server.connect(app.name(), app.role(), app.password())) {
            execute(connection, statements);
        }
    }

    /** Runs statements as the superuser, in the application's database. */
    void superuserSql(App app, String... statements) throws SQLException {
        try (Connection connection = server.connectAsSuperuser(app.name())) {
            execute(connection, statements);
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of every row of {@code query}, run as the application's role. */
    List<String> strings(App app, String query) throws SQLException {
        try (Connection connection = server.connect(app.name(), app.role(), app.password())) {
            return strings(connection, query);
        }
    }

    static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
