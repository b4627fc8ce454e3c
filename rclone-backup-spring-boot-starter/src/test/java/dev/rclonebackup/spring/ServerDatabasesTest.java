package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own data source on real PostgreSQL 15 and MariaDB 10.11 servers, reached only
 * through {@code spring.datasource.*}: a scheduled run and {@link RcloneBackupOperations#dbBackup}
 * back it up with pg_dump / mariadb-dump, {@code dbRestore} brings each backup back with pg_restore
 * / mariadb, and the application's connection pool sees the data of each backup again.
 */
@Timeout(240)
class ServerDatabasesTest {
    /** Shell and SQL metacharacters: the password must reach the tools intact and off their command lines. */
    private static final String PASSWORD = Passwords.random() + " ü `$(id)` ;|&";

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @Test
    void postgresqlDataSourceIsBackedUpOnScheduleAndOnDemandAndRestored() {
        PostgresServer server = PostgresServer.shared();
        String name = uniqueName();
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);

        roundTrip(server.jdbcUrl(name), name, "BIGSERIAL PRIMARY KEY", ".dump");
    }

    @Test
    void mariadbDataSourceIsBackedUpOnScheduleAndOnDemandAndRestored() {
        MariaDbServer server = MariaDbServer.shared();
        String name = uniqueName();
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        server.grantRestoreScratch(name, name);

        roundTrip(server.jdbcUrl(name), name, "BIGINT AUTO_INCREMENT PRIMARY KEY", ".sql");
    }

    private void roundTrip(String url, String user, String idColumn, String extension) {
        application(url, user).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE notes (id " + idColumn + ", text VARCHAR(100) NOT NULL)");
            jdbc.update("INSERT INTO notes (text) VALUES ('buy milk'), ('Zoë — ✓')");
            List<String> scheduledState = notes(jdbc);

            context.getBean(ScheduledBackups.class).backUpDatabases();
            List<Path> afterSchedule = backups();
            assertThat(afterSchedule)
                    .singleElement()
                    .satisfies(backup -> assertThat(backup.getFileName().toString())
                            .startsWith("default-")
                            .endsWith(extension));
            String scheduledBackup = afterSchedule.get(0).getFileName().toString();

            jdbc.update("INSERT INTO notes (text) VALUES ('call Ada')");
            List<String> onDemandState = notes(jdbc);
            Thread.sleep(1_100); // the backups' names carry the time to the second
            RcloneBackupOperations operations = context.getBean(RcloneBackupOperations.class);
            DbBackupResult onDemand = operations.dbBackup("default", false);
            assertThat(backups()).hasSize(2);
            assertThat(Files.readString(
                            rclone.plainRemote().resolve(onDemand.path()),
                            java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(PASSWORD);

            jdbc.update("DELETE FROM notes");
            jdbc.update("INSERT INTO notes (text) VALUES ('written after the backups')");

            assertThat(operations
                            .dbRestore("default", null, RestoreConfirmation.ALWAYS)
                            .path())
                    .isEqualTo(onDemand.path());
            assertThat(notes(jdbc)).isEqualTo(onDemandState).containsExactly("buy milk", "Zoë — ✓", "call Ada");

            operations.dbRestore("default", scheduledBackup, RestoreConfirmation.ALWAYS);
            assertThat(notes(jdbc)).isEqualTo(scheduledState).containsExactly("buy milk", "Zoë — ✓");
        });
    }

    private ApplicationContextRunner application(String url, String user) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=" + PASSWORD,
                        "rclone-backup.remote=" + rclone.plainRemote(),
                        // Never fires during the test: the run is triggered below.
                        "rclone-backup.schedule.db.cron=0 0 0 1 1 *");
    }

    private static List<String> notes(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT text FROM notes ORDER BY id", String.class);
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(rclone.plainRemote().resolve("db"))) {
            return files.sorted().toList();
        }
    }

    private static String uniqueName() {
        return "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
