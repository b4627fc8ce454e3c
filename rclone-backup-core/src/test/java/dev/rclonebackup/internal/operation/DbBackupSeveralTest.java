package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** dbbackup of several databases in one run, against real SQLite databases and a real rclone local-folder remote. */
@Timeout(120)
class DbBackupSeveralTest extends SqliteOperationTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");

    private Path analytics;
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createSecondDatabase() throws Exception {
        analytics = SqliteFile.create(dir.resolve("analytics.sqlite3"));
        SqliteFile.sql(analytics, "INSERT INTO note (body) VALUES ('analytics only');");
    }

    /** default (app.sqlite3), broken (a file that does not exist), analytics: in that order. */
    private Settings.Builder threeDatabases() {
        return settings()
                .database("broken", sqlite(dir.resolve("missing.sqlite3")))
                .database("analytics", sqlite(analytics));
    }

    private static DatabaseSettings sqlite(Path file) {
        return DatabaseSettings.builder().engine("sqlite").name(file.toString()).build();
    }

    private RcloneBackup backups(Settings settings, Connector... connectors) {
        Reporter recordingFailures = new Reporter() {
            @Override
            public void info(String message) {
                reporter.info(message);
            }

            @Override
            public void failure(String message) {
                failures.add(message);
            }
        };
        RcloneBackup.Builder builder = RcloneBackup.configure()
                .settings(settings)
                .reporter(recordingFailures)
                .listener(listener)
                .serviceLoaderListeners(false)
                .clock(Clock.fixed(NOON, ZoneOffset.UTC));
        for (Connector connector : connectors) {
            builder.connector(connector);
        }
        return builder.load();
    }

    @Test
    void aFailingDatabaseDoesNotStopTheOthersAndEachGetsItsEventsAndLines() throws Exception {
        DbBackupsResult result = backups(threeDatabases().build()).dbBackupAll(false);

        assertThat(result.databases())
                .extracting(DbBackupsResult.Outcome::database)
                .containsExactly("default", "broken", "analytics");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.results())
                .extracting(DbBackupResult::path)
                .containsExactly("db/default-2024-01-15-120000.sqlite3", "db/analytics-2024-01-15-120000.sqlite3");
        assertThat(result.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.database()).isEqualTo("broken");
            assertThat(failed.failure().errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED);
            assertThat(failed.failure()).hasMessageContaining("missing.sqlite3").hasMessageContaining("'broken'");
        });
        assertThat(result.failureSummary()).isEqualTo("Backup failed for 1 of 3 databases: broken");
        assertThat(failures).containsExactly(result.failures().get(0).failure().getMessage());
        assertThat(remoteFiles())
                .containsExactly("analytics-2024-01-15-120000.sqlite3", "default-2024-01-15-120000.sqlite3");
        assertThat(Files.readString(remote.resolve("db/analytics-2024-01-15-120000.sqlite3")))
                .contains("analytics only");
        assertThat(listener.events)
                .containsExactly(
                        "pre-db-backup default",
                        "post-db-backup default db/default-2024-01-15-120000.sqlite3",
                        "pre-db-backup broken",
                        "db-backup-failed broken db/broken-2024-01-15-120000.sqlite3",
                        "pre-db-backup analytics",
                        "post-db-backup analytics db/analytics-2024-01-15-120000.sqlite3");
        assertThat(reporter.lines)
                .containsSubsequence(
                        "Backing up database 'default' to db/default-2024-01-15-120000.sqlite3",
                        "Backup completed: db/default-2024-01-15-120000.sqlite3",
                        "Backing up database 'analytics' to db/analytics-2024-01-15-120000.sqlite3",
                        "Backup completed: db/analytics-2024-01-15-120000.sqlite3");
    }

    @Test
    void theGivenDatabasesRunInTheGivenOrderOnceEach() throws Exception {
        DbBackupsResult result =
                backups(threeDatabases().build()).dbBackup(List.of("analytics", "default", "analytics"), false);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.failureSummary()).isEmpty();
        assertThat(result.databases())
                .extracting(DbBackupsResult.Outcome::database)
                .containsExactly("analytics", "default");
        assertThat(listener.events)
                .filteredOn(event -> event.startsWith("pre-"))
                .containsExactly("pre-db-backup analytics", "pre-db-backup default");
    }

    @Test
    void cleanRunsForEachDatabaseAfterItsOwnSuccessfulBackupOnly() throws Exception {
        Path db = Files.createDirectories(remote.resolve("db"));
        for (String alias : List.of("default", "broken", "analytics")) {
            aged(db.resolve(alias + "-2024-01-01-120000.sqlite3"), Instant.parse("2024-01-01T12:00:00Z"));
            aged(db.resolve(alias + "-2024-01-02-120000.sqlite3"), Instant.parse("2024-01-02T12:00:00Z"));
        }

        DbBackupsResult result =
                backups(threeDatabases().cleanupKeep(1).build()).dbBackupAll(true);

        assertThat(result.results()).hasSize(2);
        assertThat(result.results().get(0).removed())
                .containsExactlyInAnyOrder(
                        "db/default-2024-01-01-120000.sqlite3", "db/default-2024-01-02-120000.sqlite3");
        assertThat(result.results().get(1).removed())
                .containsExactlyInAnyOrder(
                        "db/analytics-2024-01-01-120000.sqlite3", "db/analytics-2024-01-02-120000.sqlite3");
        assertThat(remoteFiles())
                .containsExactly(
                        "analytics-2024-01-15-120000.sqlite3",
                        "broken-2024-01-01-120000.sqlite3",
                        "broken-2024-01-02-120000.sqlite3",
                        "default-2024-01-15-120000.sqlite3");
    }

    @Test
    void anUnknownDatabaseAmongSeveralIsRefusedBeforeAnythingRuns() throws Exception {
        RcloneBackup backups = backups(threeDatabases().build());

        assertThatThrownBy(() -> backups.dbBackup(List.of("default", "analytcs"), false))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage("Database 'analytcs' is not configured under databases "
                        + "(configured: default, broken, analytics).")
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.CONFIGURATION));
        assertThat(listener.events).isEmpty();
        assertThat(remoteFiles()).isEmpty();
    }

    @Test
    void anInterruptStopsTheWholeRun() throws Exception {
        Connector slow = new DbBackupTest.ScriptConnector("echo 'first rows'; exec sleep 60");
        RcloneBackup backups =
                backups(threeDatabases().connector("default", slow.id()).build(), slow);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                backups.dbBackupAll(false);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        while (reporter.lines.stream().noneMatch(l -> l.startsWith("Backing up"))) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        worker.interrupt();
        worker.join(30_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(RcloneBackupException.class);
        assertThat(((RcloneBackupException) thrown.get()).errorCode()).isEqualTo(ErrorCode.INTERRUPTED);
        assertThat(listener.events)
                .containsExactly("pre-db-backup default", "db-backup-failed default db/default-2024-01-15-120000.dump");
        assertThat(remoteFiles()).isEmpty();
        assertThat(failures).isEmpty();
    }

    private List<String> remoteFiles() throws IOException {
        Path db = remote.resolve("db");
        if (!Files.isDirectory(db)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(db)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void aged(Path file, Instant modified) throws IOException {
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
