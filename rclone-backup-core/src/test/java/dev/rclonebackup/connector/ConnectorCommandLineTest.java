package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.connector.mysql.MysqlConnector;
import dev.rclonebackup.internal.connector.postgresql.PostgresqlConnector;
import dev.rclonebackup.internal.connector.sqlite.SqliteConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines the built-in connectors describe, checked without running them. */
class ConnectorCommandLineTest {
    private static final String PASSWORD = "s3cret-Pässword";

    private static Database server(String engine, Map<String, Object> options) {
        return new Database(
                "default",
                engine,
                "db.internal",
                5433,
                "app",
                "backup",
                PASSWORD,
                "jdbc:" + engine + "://db.internal:5433/app",
                options);
    }

    private static Step.Command command(Step step) {
        assertThat(step).isInstanceOf(Step.Command.class);
        return (Step.Command) step;
    }

    @Test
    void postgresqlDumpUsesTheCustomFormatAndPassesThePasswordInTheEnvironment() throws Exception {
        Database database = server("postgresql", Map.of("dump-args", List.of("--exclude-table-data=audit")));

        Step.Command dump = command(new PostgresqlConnector().dump(database).step());

        assertThat(dump.argv())
                .containsExactly(
                        "pg_dump",
                        "--format=custom",
                        "--no-password",
                        "--host=db.internal",
                        "--port=5433",
                        "--username=backup",
                        "--exclude-table-data=audit");
        assertThat(dump.environment()).containsEntry("PGPASSWORD", PASSWORD).containsEntry("PGDATABASE", "app");
        assertThat(dump.packageHint()).isEqualTo("postgresql-client");
    }

    @Test
    void postgresqlRestoreRunsInOneTransactionWithoutOwnersOrPrivileges() throws Exception {
        Database database = server("postgresql", Map.of("restore-args", "--verbose"));

        Step.Command restore =
                command(new PostgresqlConnector().restore(database).step());

        assertThat(restore.argv())
                .containsExactly(
                        "pg_restore",
                        "--no-owner",
                        "--no-acl",
                        "--clean",
                        "--if-exists",
                        "--single-transaction",
                        "--exit-on-error",
                        "--no-password",
                        "--host=db.internal",
                        "--port=5433",
                        "--username=backup",
                        "--verbose",
                        "--dbname=");
        assertThat(restore.environment()).containsEntry("PGPASSWORD", PASSWORD).containsEntry("PGDATABASE", "app");
    }

    @Test
    void postgresqlLeavesUnsetConnectionDetailsToTheTool() throws Exception {
        Database database = new Database("default", "postgresql", null, null, "app", null, null, null, null);

        Step.Command dump = command(new PostgresqlConnector().dump(database).step());

        assertThat(dump.argv()).containsExactly("pg_dump", "--format=custom", "--no-password");
        assertThat(dump.environment()).containsExactly(Map.entry("PGDATABASE", "app"));
    }

    @Test
    void mysqlDumpIsConsistentAndIncludesRoutinesEventsAndTriggers() throws Exception {
        Database database = server("mariadb", Map.of("dump-args", List.of("--ignore-table=app.sessions")));

        Step.Command dump = command(new MysqlConnector().dump(database).step());

        assertThat(dump.tool()).isIn("mysqldump", "mariadb-dump");
        assertThat(dump.argv().subList(1, dump.argv().size()))
                .containsExactly(
                        "--quick",
                        "--single-transaction",
                        "--routines",
                        "--events",
                        "--triggers",
                        "--host=db.internal",
                        "--port=5433",
                        "--protocol=TCP",
                        "--user=backup",
                        "--ignore-table=app.sessions",
                        "app");
        assertThat(dump.environment()).containsEntry("MYSQL_PWD", PASSWORD);
        assertThat(dump.packageHint()).isEqualTo("mariadb-client");
    }

    @Test
    void mysqlRestoreStreamsThroughTheJvmIntoTheClient() throws Exception {
        Step restore = new MysqlConnector().restore(server("mysql", Map.of())).step();

        assertThat(restore).isInstanceOf(Step.Reader.class);
        assertThat(((Step.Reader) restore).tool()).isIn("mysql", "mariadb");
    }

    @Test
    void mysqlWithoutHostOrPortUsesTheToolsDefaultConnection() throws Exception {
        Database database = new Database("default", "mysql", null, null, "app", null, null, null, null);

        Step.Command dump = command(new MysqlConnector().dump(database).step());

        assertThat(dump.argv()).doesNotContain("--protocol=TCP").last().isEqualTo("app");
    }

    @Test
    void sqliteDumpsTheFileByItsAbsolutePath(@TempDir Path folder) throws Exception {
        Path file = Files.createFile(folder.resolve("app.sqlite3"));
        Database database = new Database("lite", "sqlite", null, null, file.toString(), null, null, null, null);

        Step.Command dump = command(new SqliteConnector().dump(database).step());

        assertThat(dump.argv())
                .startsWith("sqlite3", "-bail", "-cmd", ".timeout 30000", file.toString(), "BEGIN;")
                .contains(".dump")
                .endsWith("COMMIT;");
        assertThat(dump.packageHint()).isEqualTo("sqlite3");
    }

    @Test
    void sqliteWaitsForALockedDatabaseAsLongAsItsBusyTimeoutSays(@TempDir Path folder) throws Exception {
        Path file = Files.createFile(folder.resolve("app.sqlite3"));
        Database database = new Database(
                "lite",
                "sqlite",
                null,
                null,
                file.toString(),
                null,
                null,
                null,
                Map.of("busy-timeout", "2m", "dump-args", List.of("-readonly")));

        Step.Command dump = command(new SqliteConnector().dump(database).step());

        assertThat(dump.argv()).startsWith("sqlite3", "-bail", "-cmd", ".timeout 120000", "-readonly", file.toString());
    }

    @Test
    void sqliteRefusesABusyTimeoutThatIsNotADuration(@TempDir Path folder) throws Exception {
        Path file = Files.createFile(folder.resolve("app.sqlite3"));
        Database database = new Database(
                "lite", "sqlite", null, null, file.toString(), null, null, null, Map.of("busy-timeout", "30"));

        assertThatThrownBy(() -> new SqliteConnector().dump(database))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("databases.lite.options.busy-timeout");
    }

    @Test
    void sqliteRefusesToDumpAMissingFile(@TempDir Path folder) {
        Path missing = folder.resolve("missing.sqlite3");
        Database database = new Database("lite", "sqlite", null, null, missing.toString(), null, null, null, null);

        assertThatThrownBy(() -> new SqliteConnector().dump(database))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("'lite'");
        assertThat(missing).doesNotExist();
    }

    @Test
    void sqliteRestoresIntoATemporaryFileBesideTheDatabase(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("app.sqlite3");
        Database database = new Database("lite", "sqlite", null, null, file.toString(), null, null, null, null);

        try (Restore restore = new SqliteConnector().restore(database)) {
            restore.prepare(Reporter.SILENT);
            Step.Command step = command(restore.step());

            assertThat(step.argv()).startsWith("sqlite3", "-bail", "-safe");
            Path temporary = Path.of(step.argv().get(step.argv().size() - 1));
            assertThat(temporary.getParent()).isEqualTo(folder);
            assertThat(temporary).exists();
            restore.abort();
            assertThat(temporary).doesNotExist();
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void noConnectorPutsThePasswordOnTheCommandLine(@TempDir Path folder) throws Exception {
        Path file = Files.createFile(folder.resolve("app.sqlite3"));
        List<Connector> connectors = List.of(new PostgresqlConnector(), new MysqlConnector(), new SqliteConnector());
        for (Connector connector : connectors) {
            Database database = new Database(
                    "default",
                    connector.id(),
                    "db",
                    1,
                    file.toString(),
                    "backup",
                    PASSWORD,
                    "jdbc:" + connector.id() + "://backup:" + PASSWORD + "@db:1/app",
                    Map.of());
            try (Dump dump = connector.dump(database);
                    Restore restore = connector.restore(database)) {
                assertThat(command(dump.step()).argv()).noneMatch(argument -> argument.contains(PASSWORD));
                // The MySQL restore runs its client from the JVM; ServerRoundTripTest samples its real command line.
                if (restore.step() instanceof Step.Command command) {
                    assertThat(command.argv()).noneMatch(argument -> argument.contains(PASSWORD));
                }
            }
        }
    }

    @Test
    void postgresqlTlsParametersBecomeLibpqEnvironment() throws Exception {
        Database database = new Database(
                "default",
                "postgresql",
                "db.internal",
                5433,
                "app",
                "backup",
                PASSWORD,
                "jdbc:postgresql://db.internal:5433/app?sslmode=verify-full&sslrootcert=/etc/ca.pem"
                        + "&sslcert=/etc/client.pem&sslkey=/etc/client.key&user=backup",
                Map.of());

        Step.Command dump = command(new PostgresqlConnector().dump(database).step());

        assertThat(dump.environment())
                .containsEntry("PGSSLMODE", "verify-full")
                .containsEntry("PGSSLROOTCERT", "/etc/ca.pem")
                .containsEntry("PGSSLCERT", "/etc/client.pem")
                .containsEntry("PGSSLKEY", "/etc/client.key")
                .containsEntry("PGPASSWORD", PASSWORD);
    }

    @Test
    void mysqlTlsParametersBecomeClientOptions() throws Exception {
        Database database = new Database(
                "default",
                "mariadb",
                "db.internal",
                5433,
                "app",
                "backup",
                PASSWORD,
                "jdbc:mariadb://db.internal:5433/app?useSSL=true&requireSSL=true&serverSslCert=/etc/ca.pem",
                Map.of());

        Step.Command dump = command(new MysqlConnector().dump(database).step());

        assertThat(dump.argv()).contains("--ssl", "--ssl-verify-server-cert", "--ssl-ca=/etc/ca.pem");
    }

    @Test
    void anUnknownUrlParameterIsRefusedByName() {
        Database database = new Database(
                "shop",
                "mysql",
                "db.internal",
                5433,
                "app",
                "backup",
                PASSWORD,
                "jdbc:mysql://db.internal:5433/app?sslMode=REQUIRED&allowPublicKeyRetrieval=true",
                Map.of());

        assertThatThrownBy(() -> new MysqlConnector().dump(database))
                .isInstanceOf(dev.rclonebackup.ConfigurationException.class)
                .hasMessageStartingWith("databases.shop.url: the mysql connector does not know the parameter "
                        + "'allowPublicKeyRetrieval'");
    }

    @Test
    void extensionsMatchTheBackupFormats() {
        assertThat(new PostgresqlConnector().extension()).isEqualTo("dump");
        assertThat(new MysqlConnector().extension()).isEqualTo("sql");
        assertThat(new SqliteConnector().extension()).isEqualTo("sqlite3");
    }
}
