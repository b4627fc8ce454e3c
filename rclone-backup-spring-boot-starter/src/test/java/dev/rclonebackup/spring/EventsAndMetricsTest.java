package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.DbVerifyResult;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.testing.RcloneFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Real backups of an H2 application database to a local-folder rclone remote. */
class EventsAndMetricsTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    private ApplicationContextRunner runner;

    @BeforeEach
    void application() throws Exception {
        H2Database database = H2Database.create(folder);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues("rclone-backup.remote=" + rclone.plainRemote())
                .withUserConfiguration(Recorder.class);
    }

    @Test
    void eventListenersAndListenerBeansSeeEveryBackup() {
        runner.run(context -> {
            DbBackupResult result =
                    context.getBean(RcloneBackupOperations.class).dbBackup("default", false);

            assertThat(Files.size(rclone.plainRemote().resolve(result.path()))).isPositive();
            assertThat(context.getBean(Recorder.class).events)
                    .containsExactly(
                            new BackupEvent.BeforeDbBackup("default"),
                            new BackupEvent.AfterDbBackup("default", result.path()));
            assertThat(context.getBean(Recorder.class).listenerPaths).containsExactly(result.path());
        });
    }

    @Test
    void verifyRestoresTheApplicationsBackupIntoAScratchDatabaseAndIsMeasured() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            RcloneBackupOperations operations = context.getBean(RcloneBackupOperations.class);
            DbBackupResult backup = operations.dbBackup("default", false);

            DbVerifyResult verified = operations.dbVerify("default", null);

            assertThat(verified.path()).isEqualTo(backup.path());
            assertThat(verified.tables()).isEqualTo(1);
            assertThat(verified.rows()).isEqualTo(1);
            assertThat(context.getBean(MeterRegistry.class)
                            .get("rclone.backup.duration")
                            .tags("database", "default", "operation", "db-verify", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void configuredHooksRunAsWithTheCommandLine() {
        Path written = folder.resolve("hook.out");
        runner.withPropertyValues(
                        "rclone-backup.hooks.post-db-backup[0]=sh",
                        "rclone-backup.hooks.post-db-backup[1]=-c",
                        "rclone-backup.hooks.post-db-backup[2]=printf %s \"$RCLONE_BACKUP_PATH\" > '" + written + "'")
                .run(context -> {
                    DbBackupResult result =
                            context.getBean(RcloneBackupOperations.class).dbBackup("default", false);
                    assertThat(written).hasContent(result.path());
                });
    }

    @Test
    void aFailingPreEventListenerAbortsTheBackup() {
        runner.withPropertyValues("test.refuse-backups=true").run(context -> {
            assertThatThrownBy(
                            () -> context.getBean(RcloneBackupOperations.class).dbBackup("default", false))
                    .hasMessageContaining("backups are refused");
            assertThat(storedFiles()).isEmpty();
            assertThat(context.getBean(Recorder.class).events)
                    .last()
                    .isInstanceOfSatisfying(
                            BackupEvent.DbBackupFailed.class,
                            failed -> assertThat(failed.error()).isEqualTo("backups are refused during maintenance"));
            assertThat(context.getBean(Recorder.class).listenerPaths).isEmpty();
        });
    }

    @Test
    void metricsRecordDurationSizeFailuresAndTheLastSuccess() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            RcloneBackupOperations operations = context.getBean(RcloneBackupOperations.class);
            DbBackupResult result = operations.dbBackup("default", false);
            assertThatThrownBy(() -> operations.dbBackup("missing", false)).isInstanceOf(RcloneBackupException.class);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("rclone.backup.duration")
                            .tags("database", "default", "operation", "db-backup", "outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("rclone.backup.size")
                            .tags("database", "default")
                            .summary()
                            .totalAmount())
                    .isEqualTo(result.size())
                    .isPositive();
            assertThat(registry.get("rclone.backup.last.success")
                            .tags("database", "default")
                            .gauge()
                            .value())
                    .isGreaterThan(1.7e9);
            assertThat(registry.get("rclone.backup.failures")
                            .tags("database", "missing", "operation", "db-backup")
                            .counter()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void aRestoreFromAnotherDatabaseIsRecordedUnderTheDatabaseRestoredInto() throws Exception {
        Path prod = folder.resolve("prod.sqlite3");
        Path staging = folder.resolve("staging.sqlite3");
        sqlite(prod, "CREATE TABLE t(x); INSERT INTO t VALUES ('production');");
        sqlite(staging, "CREATE TABLE t(x); INSERT INTO t VALUES ('staging');");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(
                        "rclone-backup.databases.prod.engine=sqlite",
                        "rclone-backup.databases.prod.name=" + prod,
                        "rclone-backup.databases.staging.engine=sqlite",
                        "rclone-backup.databases.staging.name=" + staging)
                .run(context -> {
                    RcloneBackupOperations operations = context.getBean(RcloneBackupOperations.class);
                    DbBackupResult backup = operations.dbBackup("prod", false);

                    DbRestoreResult restored = operations.dbRestore(
                            DbRestoreOptions.of("staging").withFrom("prod"), RestoreConfirmation.ALWAYS);

                    assertThat(restored.path()).isEqualTo(backup.path());
                    assertThat(sqlite(staging, "SELECT x FROM t;")).isEqualTo("production");
                    assertThat(context.getBean(MeterRegistry.class)
                                    .get("rclone.backup.duration")
                                    .tags("database", "staging", "operation", "db-restore", "outcome", "success")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                });
    }

    private static String sqlite(Path file, String sql) throws Exception {
        Process process = new ProcessBuilder("sqlite3", file.toString(), sql)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void eachOperationIsAnnouncedToTheNotifyUrlsAsOneRun() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestURI().getPath() + " " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            runner.withPropertyValues(
                            "rclone-backup.notify.start-url=" + base + "/start",
                            "rclone-backup.notify.success-url=" + base + "/ok")
                    .run(context ->
                            context.getBean(RcloneBackupOperations.class).dbBackup("default", false));
        } finally {
            server.stop(0);
        }

        assertThat(received).hasSize(2);
        assertThat(received.get(0)).startsWith("/start {\"command\":\"dbbackup\",\"status\":\"start\"");
        assertThat(received.get(1))
                .startsWith("/ok {\"command\":\"dbbackup\",\"status\":\"success\",\"databases\":[\"default\"]");
    }

    private List<Path> storedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(rclone.plainRemote())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Recorder {
        final List<BackupEvent> events = new CopyOnWriteArrayList<>();
        final List<String> listenerPaths = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BackupEvent event) {
            events.add(event);
        }

        @EventListener(condition = "@environment.getProperty('test.refuse-backups') == 'true'")
        void refuse(BackupEvent.BeforeDbBackup event) {
            throw new IllegalStateException("backups are refused during maintenance");
        }

        @Bean
        BackupListener pathRecorder() {
            return event -> {
                if (event instanceof BackupEvent.AfterDbBackup stored) {
                    listenerPaths.add(stored.path());
                }
            };
        }
    }
}
