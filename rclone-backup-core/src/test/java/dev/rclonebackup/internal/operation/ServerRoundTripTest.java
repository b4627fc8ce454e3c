package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.CommandLineSampler;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbbackup and dbrestore through the facade against the real PostgreSQL and MariaDB test servers,
 * as an application role with a password full of shell and SQL metacharacters and unicode.
 */
@Timeout(180)
class ServerRoundTripTest {
    private static final String PASSWORD = Passwords.random() + " ünï✓ `$(id)` ;|&";
    private static final String WITHOUT_EVENT = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, EXECUTE, TRIGGER";

    @TempDir
    Path remote;

    final RecordingReporter reporter = new RecordingReporter();

    interface Server {
        Connection connect() throws SQLException;
    }

    /** An application database with its own role, as configured and as reached over JDBC. */
    private record App(DatabaseSettings settings, Server connection) {}

    @Test
    void postgresqlRoundTripKeepsThePasswordOffEveryCommandLine() throws Exception {
        App app = postgresApp();

        roundTrip(app.settings(), app.connection(), "dump", "pg_dump --format=custom");
    }

    @Test
    void mariadbRoundTripKeepsThePasswordOffEveryCommandLine() throws Exception {
        App app = mariadbApp();

        roundTrip(app.settings(), app.connection(), "sql", "dump --quick");
    }

    @Test
    void aTruncatedPostgresqlBackupFailsAndLeavesTheDataInPlace() throws Exception {
        App app = postgresApp();
        Server connection = app.connection();
        fill(connection);
        RcloneBackup backups = backups(app.settings());
        Path stored = remote.resolve(backups.dbBackup("default", false).path());
        byte[] whole = Files.readAllBytes(stored);
        Files.write(stored, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        execute(connection, "INSERT INTO item (label) VALUES ('after the backup')");
        List<String> before = rows(connection);

        assertThatThrownBy(() -> backups.dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("pg_restore")
                .hasMessageNotContaining(PASSWORD);

        assertThat(rows(connection)).isEqualTo(before);
    }

    @Test
    void mariadbAccountWithoutTheEventPrivilegeBacksUpWithoutEventsAndSaysSo() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grant(WITHOUT_EVENT, name, name);
        server.grantRestoreScratch(name, name);
        Server connection = () -> server.connect(name, name, PASSWORD);
        fill(connection);
        try (Connection root = server.connectAsSuperuser(name);
                Statement statement = root.createStatement()) {
            statement.execute("CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM item WHERE id < 0");
        }
        List<String> original = rows(connection);
        DatabaseSettings settings = DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(PASSWORD)
                .build();
        RcloneBackup backups = backups(settings);

        DbBackupResult backup = backups.dbBackup("default", false);
        execute(connection, "DELETE FROM item");
        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(reporter.lines)
                .contains("Warning: Backing up database 'default' without its events: account '"
                        + name + "' lacks the EVENT privilege on '" + name + "' (add --events to "
                        + "databases.default.options.dump-args to require them).");
        assertThat(Files.readString(remote.resolve(backup.path()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("EVENT")
                .contains("INSERT INTO `item`");
        assertThat(rows(connection)).isEqualTo(original);

        RcloneBackup forced = backups(
                settings.toBuilder().option("dump-args", List.of("--events")).build());
        assertThatThrownBy(() -> forced.dbBackup("default", false))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("show events");
    }

    @Test
    void mariadbTriggerAndViewOfAnotherAccountAreRestoredByTheApplicationAccount() throws Exception {
        MigratedApp app = migratedMariadbApp();
        RcloneBackup backups = backups(app.settings());
        backups.dbBackup("default", false);
        execute(app.connection(), "DELETE FROM item WHERE id = 1");
        execute(app.connection(), "DROP TRIGGER item_audit");

        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);

        assertThat(rows(app.connection())).isEqualTo(app.original());
        assertThat(query(app.connection(), "SELECT label FROM item_labels ORDER BY label"))
                .containsExactly("binary", "null", "Zoë — ✓ unicode");
        execute(app.connection(), "INSERT INTO item (label) VALUES ('audited')");
        assertThat(query(app.connection(), "SELECT label FROM audit")).contains("audited");
        assertThat(query(app.connection(), "SELECT item_count()")).containsExactly("4");
        assertThat(
                        query(
                                app.connection(),
                                "SELECT DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'item_audit'"
                                        + " UNION ALL SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_NAME = 'item_labels'"
                                        + " UNION ALL SELECT DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_NAME = 'item_count'"
                                        + " UNION ALL SELECT DEFINER FROM information_schema.EVENTS WHERE EVENT_NAME = 'purge_audit'"))
                .hasSize(4)
                .containsOnly(app.user() + "@%");
        assertThat(query(app.connection(), "SHOW DATABASES LIKE '" + app.user() + "\\_restore\\_%'"))
                .isEmpty();
    }

    @Test
    void aMariadbRestoreFailingAfterTheTablesLeavesTheDatabaseAsItWas() throws Exception {
        MigratedApp app = migratedMariadbApp();
        RcloneBackup backups = backups(app.settings());
        Path stored = remote.resolve(backups.dbBackup("default", false).path());
        String dump = Files.readString(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        int trailer = dump.lastIndexOf("-- Dump completed");
        Files.writeString(
                stored,
                dump.substring(0, trailer) + "INSERT INTO no_such_table VALUES (1);\n" + dump.substring(trailer),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        execute(app.connection(), "DELETE FROM item WHERE id = 1");
        List<String> before = rows(app.connection());

        assertThatThrownBy(() -> backups.dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("no_such_table");

        assertThat(rows(app.connection())).isEqualTo(before);
        execute(app.connection(), "INSERT INTO item (label) VALUES ('audited')");
        assertThat(query(app.connection(), "SELECT label FROM audit")).contains("audited");
        assertThat(query(
                        app.connection(),
                        "SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_NAME = 'item_labels'"))
                .containsExactly(app.migrator() + "@%");
        assertThat(query(app.connection(), "SHOW DATABASES LIKE '" + app.user() + "\\_restore\\_%'"))
                .isEmpty();
    }

    @Test
    void aMariadbAccountThatMayNotCreateTheScratchDatabaseIsToldWhichGrantItNeeds() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        Server connection = () -> server.connect(name, name, PASSWORD);
        fill(connection);
        RcloneBackup backups = backups(DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(PASSWORD)
                .build());
        backups.dbBackup("default", false);
        execute(connection, "DELETE FROM item WHERE id = 1");
        List<String> before = rows(connection);

        assertThatThrownBy(() -> backups.dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("which was left unchanged")
                .hasMessageContaining(
                        "GRANT ALL PRIVILEGES ON `" + name.replace("_", "\\_") + "\\_restore\\_%`.* TO '" + name + "'")
                .hasMessageNotContaining(PASSWORD);

        assertThat(rows(connection)).isEqualTo(before);
    }

    /** An application database whose schema a migration account created, with a trigger and a view. */
    private record MigratedApp(
            DatabaseSettings settings, Server connection, String user, String migrator, List<String> original) {}

    private static MigratedApp migratedMariadbApp() throws SQLException {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        String migrator = name + "_mig";
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        server.grantRestoreScratch(name, name);
        server.createUser(migrator, PASSWORD);
        server.grantAll(name, migrator);
        Server asMigrator = () -> server.connect(name, migrator, PASSWORD);
        fill(asMigrator);
        execute(asMigrator, "CREATE TABLE audit (label VARCHAR(100))");
        execute(
                asMigrator,
                "CREATE TRIGGER item_audit AFTER INSERT ON item FOR EACH ROW INSERT INTO audit VALUES (NEW.label)");
        execute(asMigrator, "CREATE VIEW item_labels AS SELECT COALESCE(label, 'null') AS label FROM item");
        execute(asMigrator, "CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit");
        Server asApplication = () -> server.connect(name, name, PASSWORD);
        execute(
                asApplication,
                "CREATE FUNCTION item_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM item)");
        Server connection = () -> server.connect(name, name, PASSWORD);
        DatabaseSettings settings = DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(PASSWORD)
                .build();
        return new MigratedApp(settings, connection, name, migrator, rows(connection));
    }

    private static List<String> query(Server server, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    @Timeout(60)
    void aMariadbRestoreBlockedByALockFailsAfterTheLockTimeout() throws Exception {
        App app = mariadbApp();
        fill(app.connection());
        RcloneBackup backups =
                backups(app.settings().toBuilder().option("lock-timeout", "2s").build());
        backups.dbBackup("default", false);

        try (Connection holder = app.connection().connect();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT COUNT(*) FROM item").close();
            long started = System.nanoTime();

            assertThatThrownBy(() -> backups.dbRestore("default", null, RestoreConfirmation.ALWAYS))
                    .isInstanceOf(RcloneBackupException.class)
                    .hasMessageContaining("Lock wait timeout exceeded");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(java.time.Duration.ofSeconds(30));
            holder.rollback();
        }
    }

    private void roundTrip(DatabaseSettings database, Server connection, String extension, String dumpTool)
            throws Exception {
        fill(connection);
        List<String> original = rows(connection);
        RcloneBackup backups = backups(database);

        DbBackupResult backup;
        try (CommandLineSampler sampler = CommandLineSampler.start()) {
            backup = backups.dbBackup("default", false);
            execute(connection, "DELETE FROM item WHERE id = 1");
            execute(connection, "INSERT INTO item (label) VALUES ('added after the backup')");
            backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);
            assertThat(sampler.rounds()).isPositive();
            assertThat(sampler.commandLines())
                    .anyMatch(line -> line.contains("rclone rcat"))
                    .anyMatch(line -> line.contains(dumpTool));
            assertThat(sampler.commandLines())
                    .noneMatch(line -> line.contains(PASSWORD))
                    .noneMatch(line -> line.contains("ünï✓"));
        }

        assertThat(backup.path()).matches("db/default-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\." + extension);
        assertThat(rows(connection)).isEqualTo(original);
        assertThat(reporter.all()).doesNotContain(PASSWORD).contains("Running:");
    }

    private static App postgresApp() {
        PostgresServer server = PostgresServer.shared();
        String name = uniqueName();
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);
        return new App(
                DatabaseSettings.builder()
                        .url(server.jdbcUrl(name))
                        .username(name)
                        .password(PASSWORD)
                        .build(),
                () -> server.connect(name, name, PASSWORD));
    }

    private static App mariadbApp() {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        server.grantRestoreScratch(name, name);
        return new App(
                DatabaseSettings.builder()
                        .url(server.jdbcUrl(name))
                        .username(name)
                        .password(PASSWORD)
                        .build(),
                () -> server.connect(name, name, PASSWORD));
    }

    private static String uniqueName() {
        return "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private RcloneBackup backups(DatabaseSettings database) {
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

    private static void fill(Server server) throws SQLException {
        execute(
                server,
                "CREATE TABLE item (id SERIAL PRIMARY KEY, label VARCHAR(100), price DECIMAL(10,2), "
                        + "created DATE, data " + (isPostgres(server) ? "BYTEA" : "BLOB") + ")");
        execute(server, "INSERT INTO item (label, price, created) VALUES ('Zoë — ✓ unicode', 12.50, '2024-01-15')");
        execute(server, "INSERT INTO item (label, price, created) VALUES (NULL, NULL, NULL)");
        try (Connection c = server.connect();
                var insert = c.prepareStatement("INSERT INTO item (label, data) VALUES ('binary', ?)")) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            insert.setBytes(1, all);
            insert.executeUpdate();
        }
    }

    private static boolean isPostgres(Server server) throws SQLException {
        try (Connection c = server.connect()) {
            return c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        }
    }

    private static void execute(Server server, String sql) throws SQLException {
        try (Connection c = server.connect();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Server server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, label, price, created, data FROM item ORDER BY id")) {
            while (rs.next()) {
                byte[] data = rs.getBytes(5);
                rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|" + rs.getDate(4) + "|"
                        + (data == null ? null : java.util.HexFormat.of().formatHex(data)));
            }
        }
        return rows;
    }
}
