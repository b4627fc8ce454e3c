package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbVerifyResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.LoopbackServer;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbverify through the facade against the real PostgreSQL and MariaDB test servers: the backup is
 * restored into a scratch database, counted, and the scratch database is gone afterwards, while
 * the configured database is left as it was.
 */
@Timeout(180)
class DbVerifyServerTest {
    private static final String PASSWORD = Passwords.random() + " ü `$(id)` ;|&";

    @TempDir
    Path remote;

    final RecordingReporter reporter = new RecordingReporter();

    @Test
    void postgresqlBackupIsRestoredIntoAScratchDatabaseCountedAndDropped() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String name = uniqueName();
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);
        grantCreateDb(server, name);
        fillPostgres(server, name, name);
        RcloneBackup backups = backups(postgres(server, name).build());
        String backup = backups.dbBackup("default", false).path();
        String before = snapshotPostgres(server, name);

        DbVerifyResult result = backups.dbVerify("default", null);

        assertThat(result.path()).isEqualTo(backup);
        assertThat(result.tables()).isEqualTo(3);
        assertThat(result.rows()).isEqualTo(12);
        assertThat(result.scratch()).startsWith(name + "_verify_");
        assertThat(reporter.lines).contains("Verify completed: " + backup + " restores cleanly (3 tables, 12 rows)");
        assertThat(scratchPostgresDatabases(server, name)).isEmpty();
        assertThat(snapshotPostgres(server, name)).isEqualTo(before);
        assertThat(reporter.all()).doesNotContain(PASSWORD);
    }

    @Test
    void postgresqlRoleWithoutCreatedbVerifiesThroughTheAdminUser() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String name = uniqueName();
        String admin = name + "_admin";
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);
        server.createRole(admin, PASSWORD);
        superuser(server, "ALTER ROLE " + admin + " CREATEDB");
        superuser(server, "GRANT " + name + " TO " + admin);
        fillPostgres(server, name, name);
        DatabaseSettings.Builder settings = postgres(server, name);
        backups(settings.build()).dbBackup("default", false);
        String before = snapshotPostgres(server, name);

        assertThatThrownBy(() -> backups(settings.build()).dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("may not create databases")
                .hasMessageContaining("databases.default.options.admin-user")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.CONFIGURATION);

        DbVerifyResult result = backups(settings.option("admin-user", admin)
                        .option("admin-password", PASSWORD)
                        .build())
                .dbVerify("default", null);

        assertThat(result.tables()).isEqualTo(3);
        assertThat(result.rows()).isEqualTo(12);
        assertThat(scratchPostgresDatabases(server, name)).isEmpty();
        assertThat(snapshotPostgres(server, name)).isEqualTo(before);
        assertThat(reporter.all()).doesNotContain(PASSWORD);
    }

    @Test
    void truncatedPostgresqlBackupFailsWithPgRestoresMessageAndLeavesNoScratchDatabase() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String name = uniqueName();
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);
        grantCreateDb(server, name);
        fillPostgres(server, name, name);
        RcloneBackup backups = backups(postgres(server, name).build());
        Path stored = remote.resolve(backups.dbBackup("default", false).path());
        byte[] whole = Files.readAllBytes(stored);
        Files.write(stored, Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThatThrownBy(() -> backups.dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageStartingWith("Verify of db/")
                .hasMessageContaining("pg_restore")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.OPERATION_FAILED);

        assertThat(scratchPostgresDatabases(server, name)).isEmpty();
    }

    @Test
    void mariadbBackupIsRestoredIntoAScratchDatabaseCountedAndDropped() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        mariadbApp(server, name);
        mariadbSuperuser(
                server,
                "GRANT ALL PRIVILEGES ON `" + name.replace("_", "\\_") + "\\_verify\\_%`.* TO '" + name + "'@'%'");
        fillMariadb(server, name, true);
        RcloneBackup backups = backups(mariadb(server, name).build());
        String backup = backups.dbBackup("default", false).path();
        String before = snapshotMariadb(server, name);

        DbVerifyResult result = backups.dbVerify("default", null);

        assertThat(result.path()).isEqualTo(backup);
        assertThat(reporter.lines).contains("Verify completed: " + backup + " restores cleanly (3 tables, 12 rows)");
        assertThat(scratchMariadbDatabases(server, name)).isEmpty();
        assertThat(snapshotMariadb(server, name)).isEqualTo(before);
        assertThat(reporter.all()).doesNotContain(PASSWORD);
    }

    @Test
    void mariadbAccountThatMayNotCreateTheScratchDatabaseVerifiesThroughTheAdminUser() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        String admin = name + "_admin";
        mariadbApp(server, name);
        server.createUser(admin, PASSWORD);
        mariadbSuperuser(server, "GRANT ALL PRIVILEGES ON *.* TO '" + admin + "'@'%'");
        // No view: a view whose definer may not use the admin's scratch database cannot be restored there.
        fillMariadb(server, name, false);
        DatabaseSettings.Builder settings = mariadb(server, name);
        backups(settings.build()).dbBackup("default", false);
        String before = snapshotMariadb(server, name);

        assertThatThrownBy(() -> backups(settings.build()).dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("GRANT", "databases.default.options.admin-user")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.CONFIGURATION);

        DbVerifyResult result = backups(settings.option("admin-user", admin)
                        .option("admin-password", PASSWORD)
                        .build())
                .dbVerify("default", null);

        assertThat(result.tables()).isEqualTo(3);
        assertThat(result.rows()).isEqualTo(12);
        assertThat(scratchMariadbDatabases(server, name)).isEmpty();
        assertThat(snapshotMariadb(server, name)).isEqualTo(before);
        assertThat(reporter.all()).doesNotContain(PASSWORD);
    }

    private static void mariadbApp(MariaDbServer server, String name) {
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        server.grantRestoreScratch(name, name);
    }

    /** Three tables (5, 7 and 0 rows), and a view when asked for. */
    private static void fillMariadb(MariaDbServer server, String name, boolean view) throws SQLException {
        try (Connection c = server.connect(name, name, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(40))");
            s.execute("INSERT INTO item (label) SELECT CONCAT('item ', seq) FROM seq_1_to_5");
            s.execute("CREATE TABLE entry (id BIGINT PRIMARY KEY, note VARCHAR(40))");
            s.execute("INSERT INTO entry SELECT seq, CONCAT('note ', seq) FROM seq_1_to_7");
            s.execute("CREATE TABLE empty_table (id INT)");
            if (view) {
                s.execute("CREATE VIEW item_labels AS SELECT label FROM item");
            }
        }
    }

    private static String snapshotMariadb(MariaDbServer server, String name) throws SQLException {
        return String.join(
                ",",
                String.join(",", strings(server, name, "SELECT CONCAT(id, ':', label) FROM item ORDER BY id")),
                String.join(",", strings(server, name, "SELECT COUNT(*) FROM entry")),
                String.join(
                        ",",
                        strings(
                                server,
                                name,
                                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                                        + " ORDER BY TABLE_NAME")));
    }

    private static List<String> scratchMariadbDatabases(MariaDbServer server, String name) throws SQLException {
        return strings(
                server,
                "",
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                        + name.replace("_", "\\_") + "\\_verify\\_%'");
    }

    private static void mariadbSuperuser(MariaDbServer server, String sql) throws SQLException {
        try (Connection c = server.connectAsSuperuser("");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static DatabaseSettings.Builder mariadb(MariaDbServer server, String name) {
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(PASSWORD);
    }

    private static void grantCreateDb(PostgresServer server, String role) throws SQLException {
        superuser(server, "ALTER ROLE " + role + " CREATEDB");
    }

    /** Three tables (5, 7 and 0 rows), a view and a sequence, as {@code owner}. */
    private static void fillPostgres(PostgresServer server, String database, String owner) throws SQLException {
        try (Connection c = server.connect(database, owner, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id SERIAL PRIMARY KEY, label TEXT)");
            s.execute("INSERT INTO item (label) SELECT 'item ' || g FROM generate_series(1, 5) g");
            s.execute("CREATE SCHEMA audit");
            s.execute("CREATE TABLE audit.entry (id BIGINT PRIMARY KEY, note TEXT)");
            s.execute("INSERT INTO audit.entry SELECT g, 'note ' || g FROM generate_series(1, 7) g");
            s.execute("CREATE TABLE empty_table (id INT)");
            s.execute("CREATE VIEW item_labels AS SELECT label FROM item");
        }
    }

    private static String snapshotPostgres(PostgresServer server, String name) throws SQLException {
        try (Connection c = server.connectAsSuperuser(name);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT (SELECT string_agg(id || ':' || label, ',' ORDER BY id) FROM item)"
                                + " || '/' || (SELECT count(*) FROM audit.entry) || '/' || (SELECT count(*) FROM empty_table)"
                                + " || '/' || (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname IN ('public', 'audit'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> scratchPostgresDatabases(PostgresServer server, String name) throws SQLException {
        return strings(
                server,
                "postgres",
                "SELECT datname FROM pg_database WHERE datname LIKE '" + name.replace("_", "\\_") + "\\_verify\\_%'");
    }

    private static List<String> strings(LoopbackServer server, String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connectAsSuperuser(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void superuser(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connectAsSuperuser("postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static DatabaseSettings.Builder postgres(PostgresServer server, String name) {
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(PASSWORD);
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
}
