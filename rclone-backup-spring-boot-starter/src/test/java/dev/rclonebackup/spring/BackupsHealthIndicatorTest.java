package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BackupsHealthIndicatorTest {
    private static final Duration MAX_AGE = Duration.ofHours(26);

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private Settings settings;

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

    @Test
    void downWithoutBackupUpWithAFreshOneDownWhenItGetsOld() {
        RcloneBackupOperations operations = operations(settings);
        assertThat(health(operations, Clock.systemUTC()).getStatus()).isEqualTo(Status.DOWN);

        String path = operations.dbBackup("default", false).path();
        Health fresh = health(operations, Clock.systemUTC());
        assertThat(fresh.getStatus()).isEqualTo(Status.UP);
        assertThat(databaseDetails(fresh))
                .containsEntry("status", "fresh")
                .containsEntry("newest", path.substring("db/".length()));

        Health old = health(operations, Clock.offset(Clock.systemUTC(), MAX_AGE.plusHours(1)));
        assertThat(old.getStatus()).isEqualTo(Status.DOWN);
        assertThat(databaseDetails(old)).containsEntry("status", "too old");
    }

    @Test
    void downWhenTheListingFails() {
        RcloneBackupOperations operations = operations(settings.toBuilder()
                .rcloneBinary(folder.resolve("no-rclone").toString())
                .build());
        Health health = health(operations, Clock.systemUTC());
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }

    private static RcloneBackupOperations operations(Settings settings) {
        return new RcloneBackupOperations(
                RcloneBackup.configure().settings(settings).load(), BackupMetrics.NONE);
    }

    private static Health health(RcloneBackupOperations operations, Clock clock) {
        return new BackupsHealthIndicator(operations, MAX_AGE, clock.withZone(ZoneOffset.UTC)).health(true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> databaseDetails(Health health) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("databases")).get("default");
    }
}
