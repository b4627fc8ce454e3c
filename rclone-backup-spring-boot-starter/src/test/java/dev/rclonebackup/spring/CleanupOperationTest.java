package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.CleanupResult;
import dev.rclonebackup.testing.RcloneFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link RcloneBackupOperations#cleanup} with {@code rclone-backup.db.retention.*}, against a local-folder remote. */
class CleanupOperationTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private ApplicationContextRunner runner;
    private Path db;

    @BeforeEach
    void applicationWithBackups() throws Exception {
        H2Database database = H2Database.create(folder);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues("rclone-backup.remote=" + rclone.plainRemote())
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);
        db = Files.createDirectories(rclone.plainRemote().resolve("db"));
        for (int day = 10; day <= 14; day++) {
            Path backup = db.resolve("default-2024-01-" + day + "-120000.sql");
            Files.writeString(backup, "backup");
            Files.setLastModifiedTime(backup, FileTime.from(Instant.parse("2024-01-" + day + "T12:00:00Z")));
        }
    }

    private List<String> remoteFiles() throws Exception {
        try (Stream<Path> files = Files.list(db)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void cleanupAppliesTheRetentionPropertiesAndIsMeasured() {
        runner.withPropertyValues("rclone-backup.db.retention.keep-last=2").run(context -> {
            CleanupResult result = context.getBean(RcloneBackupOperations.class).cleanup(List.of(), false);

            assertThat(result.removed())
                    .containsExactly(
                            "db/default-2024-01-12-120000.sql",
                            "db/default-2024-01-11-120000.sql",
                            "db/default-2024-01-10-120000.sql");
            assertThat(remoteFiles()).containsExactly("default-2024-01-13-120000.sql", "default-2024-01-14-120000.sql");
            assertThat(context.getBean(MeterRegistry.class)
                            .get("rclone.backup.duration")
                            .tags("database", "all", "operation", "cleanup", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void aDryRunChangesNothing() {
        runner.withPropertyValues("rclone-backup.db.retention.keep-daily=1").run(context -> {
            CleanupResult result = context.getBean(RcloneBackupOperations.class).cleanup(List.of("default"), true);

            assertThat(result.dryRun()).isTrue();
            assertThat(result.removed()).hasSize(4);
            assertThat(remoteFiles()).hasSize(5);
        });
    }
}
