package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BackupsHealthIndicatorTest {
    private static final Duration MAX_AGE = Duration.ofHours(26);
    private static final Duration GRACE_PERIOD = Duration.ofHours(1);
    private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(5);

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private Settings settings;
    private final MovableClock clock = new MovableClock();
    private BackupsHealthIndicator indicator;

    @BeforeEach
    void settings() throws Exception {
        H2Database database = H2Database.create(folder);
        settings = Settings.builder()
                .remote(rclone.plainRemote().toString())
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .url(database.url())
                                .username(H2Database.USER)
                                .password(H2Database.PASSWORD)
                                .build())
                .build();
    }

    @AfterEach
    void stop() {
        if (indicator != null) {
            indicator.destroy();
        }
    }

    @Test
    void verdicts() {
        BackupFile backup = new BackupFile("default-1.sql", "default", 10, Instant.EPOCH);
        CheckResult ok = new CheckResult("default", backup, Duration.ofHours(1), null);
        CheckResult none = new CheckResult("other", null, null, "no backups found");
        CheckResult old = new CheckResult("old", backup, Duration.ofDays(3), "newest backup default-1.sql is 3d old");
        record Case(List<CheckResult> results, boolean inGracePeriod, Status expected) {}
        List<Case> cases = List.of(
                new Case(List.of(ok), true, Status.UP),
                new Case(List.of(ok), false, Status.UP),
                new Case(List.of(ok, none), true, Status.UNKNOWN),
                new Case(List.of(ok, none), false, Status.DOWN),
                new Case(List.of(old), true, Status.DOWN),
                new Case(List.of(old), false, Status.DOWN),
                new Case(List.of(none, old), true, Status.DOWN),
                new Case(List.of(), false, Status.UP));
        for (Case c : cases) {
            assertThat(HealthVerdict.status(c.results(), c.inGracePeriod()))
                    .as(c.toString())
                    .isEqualTo(c.expected());
        }
    }

    @Test
    void unknownWithoutBackupDuringTheGracePeriodDownAfterItUpOnceBackedUp() {
        RcloneBackupOperations operations = operations(settings);
        indicator = indicator(operations, GRACE_PERIOD);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(indicator.health().getDetails()).containsEntry("checked", "not yet");

        Health fresh =
                awaitHealth(health -> !"not yet".equals(health.getDetails().get("checked")));
        assertThat(fresh.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(fresh.getDetails()).containsKey("gracePeriodEnds");
        assertThat(databaseDetails(fresh)).containsEntry("ok", false).containsEntry("problem", "no backups found");

        clock.move(GRACE_PERIOD.plusMinutes(1));
        Health late = indicator.health();
        assertThat(late.getStatus()).isEqualTo(Status.DOWN);
        assertThat(late.getDetails()).doesNotContainKey("gracePeriodEnds");

        String path = operations.dbBackup("default", false).path();
        indicator.backupsChanged();
        Health backedUp = awaitHealth(health -> health.getStatus().equals(Status.UP));
        assertThat(databaseDetails(backedUp))
                .containsEntry("ok", true)
                .containsEntry("newest", path.substring("db/".length()))
                .doesNotContainKey("problem");
        assertThat(indicator.health(false).getDetails()).isEmpty();
    }

    @Test
    void probesCallRcloneAtMostOncePerRefreshInterval() throws Exception {
        Path calls = folder.resolve("rclone-calls");
        Path counting = folder.resolve("counting-rclone");
        Files.writeString(
                counting, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '" + RcloneFixture.binary() + "' \"$@\"\n");
        assertThat(counting.toFile().setExecutable(true)).isTrue();
        RcloneBackupOperations operations = operations(
                settings.toBuilder().rcloneBinary(counting.toString()).build());
        operations.dbBackup("default", false);
        int before = Files.readAllLines(calls).size();
        indicator = indicator(operations, GRACE_PERIOD);

        for (int probe = 0; probe < 20; probe++) {
            indicator.health();
        }
        awaitHealth(health -> health.getStatus().equals(Status.UP));
        for (int probe = 0; probe < 20; probe++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(Files.readAllLines(calls).size() - before).isEqualTo(1);

        clock.move(REFRESH_INTERVAL);
        indicator.health();
        Instant refreshed = clock.instant();
        awaitHealth(health -> health.getDetails().get("checked").equals(refreshed.toString()));
        assertThat(Files.readAllLines(calls).size() - before).isEqualTo(2);
    }

    @Test
    void downWhenTheRemoteCannotBeListedAfterTheGracePeriod() {
        RcloneBackupOperations operations = operations(settings.toBuilder()
                .rcloneBinary(folder.resolve("no-rclone").toString())
                .build());
        indicator = indicator(operations, Duration.ZERO);
        indicator.health();
        Health health = awaitHealth(h -> !"not yet".equals(h.getDetails().get("checked")));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) databaseDetails(health).get("problem")).startsWith("cannot list the backups");
    }

    private BackupsHealthIndicator indicator(RcloneBackupOperations operations, Duration gracePeriod) {
        return new BackupsHealthIndicator(operations, MAX_AGE, gracePeriod, REFRESH_INTERVAL, clock);
    }

    private Health awaitHealth(Predicate<Health> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Health health = indicator.health();
        while (!condition.test(health)) {
            assertThat(System.nanoTime())
                    .as("waited for the health, last " + health)
                    .isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            health = indicator.health();
        }
        return health;
    }

    private static RcloneBackupOperations operations(Settings settings) {
        return new RcloneBackupOperations(
                RcloneBackup.configure().settings(settings).load(), BackupMetrics.NONE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> databaseDetails(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("databases")).get("default");
    }

    /** The health's own time, moved by the test; the backups' ages use the real time. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
