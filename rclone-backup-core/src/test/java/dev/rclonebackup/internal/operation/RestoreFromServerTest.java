package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
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
 * Production restored into staging (dbrestore --from), two databases on the same real PostgreSQL
 * or MariaDB test server, and a run over several databases of different engines.
 */
@Timeout(180)
class RestoreFromServerTest {
    private static final String PASSWORD = Passwords.random();

    @TempDir
    Path dir;

    interface Server {
        Connection connect() throws SQLException;
    }

    /** Production and staging as configured, and as reached over JDBC; {@code stagingName} on the server. */
    private record Pair(Settings settings, Server prod, Server staging, String stagingName) {}

    @Test
    void postgresqlProductionIsRestoredIntoStagingAndStaysAsItWas() throws Exception {
        Pair pair = postgresPair();

        productionIntoStaging(pair);
    }

    @Test
    void mariadbProductionIsRestoredIntoStagingThroughAScratchDatabaseAndStaysAsItWas() throws Exception {
        Pair pair = mariadbPair();

        productionIntoStaging(pair);

        assertThat(query(
                        pair.staging(),
                        "SHOW DATABASES LIKE '" + pair.stagingName().replace("_", "\\_") + "\\_restore\\_%'"))
                .isEmpty();
    }

    @Test
    void aFailedPostgresqlRestoreFromProductionLeavesStagingAsItWas() throws Exception {
        Pair pair = postgresPair();
        fill(pair.prod(), "production");
        fill(pair.staging(), "staging");
        RcloneBackup backups = backups(pair.settings());
        Path stored =
                dir.resolve("remote").resolve(backups.dbBackup("prod", false).path());
        byte[] whole = Files.readAllBytes(stored);
        Files.write(stored, Arrays.copyOf(whole, whole.length * 2 / 3));
        List<String> staging = rows(pair.staging());

        assertThatThrownBy(() ->
                        backups.dbRestore(DbRestoreOptions.of("staging").withFrom("prod"), RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageStartingWith("Restore of database 'staging' from db/prod-")
                .hasMessageContaining("pg_restore");

        assertThat(rows(pair.staging())).isEqualTo(staging);
    }

    @Test
    void oneRunBacksUpPostgresqlAndSqliteDatabasesPastAFailedOne() throws Exception {
        Pair pair = postgresPair();
        fill(pair.prod(), "production");
        Path notes = dir.resolve("notes.sqlite3");
        SqliteFile.create(notes);
        Settings settings = pair.settings().toBuilder()
                .database("notes", sqlite(notes))
                .database("gone", sqlite(dir.resolve("gone.sqlite3")))
                .build();

        DbBackupsResult result = backups(settings).dbBackupAll(false);

        assertThat(result.results())
                .extracting(DbBackupResult::path)
                .satisfiesExactly(
                        prod -> assertThat(prod).matches("db/prod-.*\\.dump"),
                        staging -> assertThat(staging).matches("db/staging-.*\\.dump"),
                        sqlite -> assertThat(sqlite).matches("db/notes-.*\\.sqlite3"));
        assertThat(result.failureSummary()).isEqualTo("Backup failed for 1 of 4 databases: gone");
        for (DbBackupResult backup : result.results()) {
            assertThat(dir.resolve("remote").resolve(backup.path())).isNotEmptyFile();
        }
    }

    /** Fills both, makes staging differ, backs up production and restores it into staging. */
    private void productionIntoStaging(Pair pair) throws Exception {
        fill(pair.prod(), "production");
        fill(pair.staging(), "staging");
        execute(pair.staging(), "DELETE FROM item WHERE id = 1");
        execute(pair.staging(), "INSERT INTO item VALUES (3, 'staging three')");
        List<String> production = rows(pair.prod());
        RcloneBackup backups = backups(pair.settings());
        String backup = backups.dbBackup("prod", false).path();

        var result = backups.dbRestore(DbRestoreOptions.of("staging").withFrom("prod"), RestoreConfirmation.ALWAYS);

        assertThat(result.path()).isEqualTo(backup);
        assertThat(rows(pair.staging())).isEqualTo(production);
        assertThat(rows(pair.prod())).isEqualTo(production);
    }

    private Pair postgresPair() {
        PostgresServer server = PostgresServer.shared();
        String role = uniqueName();
        String prod = role + "_prod";
        String staging = role + "_staging";
        server.createRole(role, PASSWORD);
        server.createDatabase(prod, role);
        server.createDatabase(staging, role);
        return new Pair(
                settings(server.jdbcUrl(prod), server.jdbcUrl(staging), role),
                () -> server.connect(prod, role, PASSWORD),
                () -> server.connect(staging, role, PASSWORD),
                staging);
    }

    private Pair mariadbPair() {
        MariaDbServer server = MariaDbServer.shared();
        String user = uniqueName();
        String prod = user + "_prod";
        String staging = user + "_staging";
        server.createUser(user, PASSWORD);
        for (String database : List.of(prod, staging)) {
            server.createDatabase(database);
            server.grantAll(database, user);
        }
        server.grantRestoreScratch(staging, user);
        return new Pair(
                settings(server.jdbcUrl(prod), server.jdbcUrl(staging), user),
                () -> server.connect(prod, user, PASSWORD),
                () -> server.connect(staging, user, PASSWORD),
                staging);
    }

    private Settings settings(String prodUrl, String stagingUrl, String user) {
        return Settings.builder()
                .remote(dir.resolve("remote").toString())
                .database("prod", server(prodUrl, user))
                .database("staging", server(stagingUrl, user))
                .build();
    }

    private static DatabaseSettings server(String url, String user) {
        return DatabaseSettings.builder()
                .url(url)
                .username(user)
                .password(PASSWORD)
                .build();
    }

    private static DatabaseSettings sqlite(Path file) {
        return DatabaseSettings.builder().engine("sqlite").name(file.toString()).build();
    }

    private static RcloneBackup backups(Settings settings) {
        return RcloneBackup.configure()
                .settings(settings)
                .serviceLoaderListeners(false)
                .load();
    }

    private static String uniqueName() {
        return "rf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static void fill(Server server, String label) throws SQLException {
        execute(server, "CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(100))");
        execute(server, "INSERT INTO item VALUES (1, '" + label + " one'), (2, '" + label + " two')");
    }

    private static void execute(Server server, String sql) throws SQLException {
        try (Connection c = server.connect();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Server server) throws SQLException {
        return query(server, "SELECT CONCAT(id, '|', label) FROM item ORDER BY id");
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
}
