package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.testing.RcloneFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Cron schedules on real backups; two instances sharing a ShedLock table back up once. */
class ScheduledBackupsTest {
    private static final String EVERY_SECOND = "* * * * * *";

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void aCronScheduleBacksUpAndCleansUp() throws Exception {
        H2Database database = H2Database.create(folder);
        AtomicInteger completed = new AtomicInteger();
        BackupListener counter = event -> {
            if (event instanceof BackupEvent.AfterDbBackup) {
                completed.incrementAndGet();
            }
        };
        application(database)
                .withPropertyValues("rclone-backup.db.cleanup-keep=2")
                .withBean(BackupListener.class, () -> counter)
                .run(context -> {
                    Instant deadline = Instant.now().plusSeconds(40);
                    while (completed.get() < 3) {
                        assertThat(Instant.now())
                                .as("three scheduled backups within 40 s")
                                .isBefore(deadline);
                        Thread.sleep(200);
                    }
                });
        // Closing the application waited for a backup in progress, clean-up included.
        assertThat(backups()).hasSize(2);
    }

    @Test
    void ofTwoInstancesWithShedLockOnlyOneRunsEachBackup() throws Exception {
        H2Database database = H2Database.create(folder);
        try (Connection connection = DriverManager.getConnection(database.url(), H2Database.USER, H2Database.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE shedlock(name VARCHAR(64) PRIMARY KEY, lock_until TIMESTAMP(3), "
                    + "locked_at TIMESTAMP(3), locked_by VARCHAR(255))");
        }
        ApplicationContextRunner instance = application(database)
                .withPropertyValues("rclone-backup.schedule.lock.at-least-for=1h")
                .withUserConfiguration(SharedLock.class);
        instance.run(first -> instance.run(second -> {
            waitForBackups(1, Duration.ofSeconds(30));
            Thread.sleep(3_000);
            assertThat(backups()).hasSize(1);
        }));
    }

    @Test
    void aScheduledRunBacksUpEveryDatabasePastAFailedOneAndRecordsEach() throws Exception {
        H2Database database = H2Database.create(folder);
        Path analytics = folder.resolve("analytics.sqlite3");
        Process sqlite = new ProcessBuilder("sqlite3", analytics.toString(), "CREATE TABLE a(y);")
                .inheritIO()
                .start();
        assertThat(sqlite.waitFor()).isZero();
        application(database)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "rclone-backup.schedule.db.cron=0 0 0 1 1 *",
                        "rclone-backup.databases.broken.engine=sqlite",
                        "rclone-backup.databases.broken.name=" + folder.resolve("missing.sqlite3"),
                        "rclone-backup.databases.analytics.engine=sqlite",
                        "rclone-backup.databases.analytics.name=" + analytics)
                .run(context -> {
                    context.getBean(ScheduledBackups.class).backUpDatabases();

                    assertThat(backups())
                            .extracting(file -> file.getFileName().toString().replaceFirst("-.*", ""))
                            .containsExactlyInAnyOrder("analytics", "default");
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    for (String backedUp : List.of("analytics", "default")) {
                        assertThat(registry.get("rclone.backup.duration")
                                        .tags("database", backedUp, "operation", "db-backup", "outcome", "success")
                                        .timer()
                                        .count())
                                .isEqualTo(1);
                    }
                    assertThat(registry.get("rclone.backup.failures")
                                    .tags("database", "broken", "operation", "db-backup")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedLock {
        @Bean
        LockProvider lockProvider(DataSource dataSource) {
            return new JdbcTemplateLockProvider(new JdbcTemplate(dataSource));
        }
    }

    private ApplicationContextRunner application(H2Database database) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues(
                        "rclone-backup.remote=" + rclone.plainRemote(),
                        "rclone-backup.schedule.db.cron=" + EVERY_SECOND);
    }

    private void waitForBackups(int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (backups().size() < count) {
            assertThat(Instant.now()).as("%d backups within %s", count, timeout).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private List<Path> backups() throws Exception {
        Path db = rclone.plainRemote().resolve("db");
        if (!Files.isDirectory(db)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(db)) {
            return files.filter(file -> !file.getFileName().toString().contains(".partial-"))
                    .toList();
        }
    }
}
