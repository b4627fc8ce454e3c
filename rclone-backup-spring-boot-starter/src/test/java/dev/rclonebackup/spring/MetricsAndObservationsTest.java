package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.testing.RcloneFixture;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Meters and observations of real operations on an H2 database and a media folder. */
class MetricsAndObservationsTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private ApplicationContextRunner runner;

    @BeforeEach
    void application() throws Exception {
        H2Database database = H2Database.create(folder);
        Path media = Files.createDirectory(folder.resolve("uploads"));
        Files.writeString(media.resolve("photo.jpg"), "jpeg");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues(
                        "rclone-backup.remote=" + rclone.plainRemote(), "rclone-backup.media.root=" + media);
    }

    @Test
    void mediaOperationsAreTaggedWithDatabaseNone() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(RcloneBackupOperations.class).mediaBackup(MediaBackupOptions.DEFAULTS);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("rclone.backup.duration")
                            .tags("database", "none", "operation", "media-backup", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("rclone.backup.last.success")
                            .tags("database", "none", "operation", "media-backup")
                            .gauge()
                            .value())
                    .isPositive();
        });
    }

    @Test
    void theLastSuccessGaugeStartsFromTheNewestBackupOnTheRemote() throws Exception {
        runner.run(context -> context.getBean(RcloneBackupOperations.class).dbBackup("default", false));

        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            BackupFile newest = context.getBean(RcloneBackupOperations.class)
                    .listBackups("default")
                    .get(0);
            context.publishEvent(new ApplicationReadyEvent(
                    new SpringApplication(), new String[0], context.getSourceApplicationContext(), Duration.ZERO));

            RequiredSearch lastSuccess = context.getBean(MeterRegistry.class)
                    .get("rclone.backup.last.success")
                    .tags("database", "default", "operation", "db-backup");
            Instant deadline = Instant.now().plusSeconds(30);
            while (context.getBean(MeterRegistry.class)
                            .find("rclone.backup.last.success")
                            .tags("database", "default")
                            .gauge()
                    == null) {
                assertThat(Instant.now()).as("the gauge within 30 s").isBefore(deadline);
                Thread.sleep(100);
            }
            assertThat(lastSuccess.gauge().value())
                    .isEqualTo((double) newest.modified().getEpochSecond());
        });
    }

    @Test
    void eachOperationIsOneObservation() {
        ObservationRegistry observations = ObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        runner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            RcloneBackupOperations operations = context.getBean(RcloneBackupOperations.class);
            operations.dbBackup("default", false);
            assertThatThrownBy(() -> operations.dbBackup("missing", false)).isInstanceOf(RcloneBackupException.class);
            operations.dbBackupAll(false);

            assertThat(stopped)
                    .extracting(Observation.Context::getName)
                    .containsOnly(ObservationOperationObserver.NAME);
            assertThat(stopped)
                    .extracting(observed -> observed.getLowCardinalityKeyValues().stream()
                            .map(KeyValue::getValue)
                            .toList())
                    .containsExactly(
                            List.of("default", "db-backup"),
                            List.of("missing", "db-backup"),
                            List.of("all", "db-backup"));
            assertThat(stopped.get(0).getError()).isNull();
            assertThat(stopped.get(1).getError()).isInstanceOf(RcloneBackupException.class);
        });
    }
}
