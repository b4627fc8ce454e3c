package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksEndpointAutoConfiguration;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.SimpleTriggerContext;

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

    @Test
    void theScheduledBackupsAreListedByActuatorsScheduledTasksEndpoint() throws Exception {
        application(H2Database.create(folder))
                .withConfiguration(AutoConfigurations.of(ScheduledTasksEndpointAutoConfiguration.class))
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=*",
                        "rclone-backup.schedule.db.cron=0 0 3 * * *",
                        "rclone-backup.schedule.media.cron=0 30 3 * * SUN")
                .run(context -> {
                    List<ScheduledTasksEndpoint.TaskDescriptor> cron = context.getBean(ScheduledTasksEndpoint.class)
                            .scheduledTasks()
                            .getCron();
                    assertThat(cron)
                            .asInstanceOf(
                                    InstanceOfAssertFactories.list(ScheduledTasksEndpoint.CronTaskDescriptor.class))
                            .extracting(task -> task.getRunnable().getTarget(), task -> task.getExpression())
                            .containsExactlyInAnyOrder(
                                    tuple(ScheduledBackups.class.getName() + ".backUpDatabases", "0 0 3 * * *"),
                                    tuple(ScheduledBackups.class.getName() + ".backUpMedia", "0 30 3 * * SUN"));
                });
    }

    @Test
    void theCronExpressionsRunInTheConfiguredTimeZone() throws Exception {
        ApplicationContextRunner nightly =
                application(H2Database.create(folder)).withPropertyValues("rclone-backup.schedule.db.cron=0 0 3 * * *");
        // 2026-01-01 00:00 UTC is 09:00 in Tokyo: the next 03:00 there is 18:00 UTC.
        SimpleTriggerContext newYear =
                new SimpleTriggerContext(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        nightly.withPropertyValues("rclone-backup.schedule.zone=Asia/Tokyo")
                .run(context -> assertThat(nextRun(context.getBean(ScheduledBackups.class), newYear))
                        .isEqualTo(Instant.parse("2026-01-01T18:00:00Z")));
        nightly.run(context -> assertThat(nextRun(context.getBean(ScheduledBackups.class), newYear))
                .isEqualTo(nextThreeOClock(
                        ZoneId.systemDefault(), newYear.getClock().instant())));
    }

    private static Instant nextThreeOClock(ZoneId zone, Instant after) {
        ZonedDateTime start = after.atZone(zone);
        ZonedDateTime threeOClock = start.toLocalDate().atTime(3, 0).atZone(zone);
        return (threeOClock.isAfter(start) ? threeOClock : threeOClock.plusDays(1)).toInstant();
    }

    @Test
    void anInvalidTimeZoneOrMediaCronStopsTheApplicationNamingTheProperty() throws Exception {
        ApplicationContextRunner application = application(H2Database.create(folder));
        application
                .withPropertyValues("rclone-backup.schedule.zone=Mars/Olympus")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("rclone-backup.schedule.zone is not a time zone"));
        application
                .withPropertyValues("rclone-backup.schedule.media.cron=every night")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("rclone-backup.schedule.media.cron is not a cron expression"));
    }

    private static Instant nextRun(ScheduledBackups backups, SimpleTriggerContext context) {
        return backups.cronTasks().get(0).getTrigger().nextExecution(context);
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
