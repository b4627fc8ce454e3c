package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.internal.operation.DbBackupTest.ScriptConnector;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The failure events, sent by real operations on a real SQLite database and rclone remote. */
@Timeout(120)
class FailureEventsTest extends SqliteOperationTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");
    private static final String BACKUP = "db/default-2024-01-15-120000.sqlite3";

    private final List<BackupEvent> events = new CopyOnWriteArrayList<>();
    private Path hookLog;
    private List<String> recordHook;

    @BeforeEach
    void recordingHook() {
        hookLog = dir.resolve("hook.log");
        recordHook = List.of(
                "sh",
                "-c",
                "printf '%s|%s|%s|%s\\n' \"$RCLONE_BACKUP_EVENT\" \"$RCLONE_BACKUP_DATABASE\" \"$RCLONE_BACKUP_PATH\" "
                        + "\"$RCLONE_BACKUP_ERROR\" >> '" + hookLog + "'");
    }

    private RcloneBackup facade(Settings settings, ScriptConnector... connectors) {
        RcloneBackup.Builder builder = RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .listener(events::add)
                .serviceLoaderListeners(false)
                .clock(Clock.fixed(NOON, ZoneOffset.UTC));
        for (ScriptConnector connector : connectors) {
            builder.connector(connector);
        }
        return builder.load();
    }

    /** A database file that is not one: sqlite3 .dump reports the error inside its output. */
    private void corruptTheDatabase() throws Exception {
        Files.write(database, new byte[4096]);
        Files.writeString(database, "this is not a database", StandardOpenOption.WRITE);
    }

    @Test
    void aFailedBackupSendsDbBackupFailedWithItsErrorToListenersAndHooks() throws Exception {
        corruptTheDatabase();
        Settings settings = settings().hook("db-backup-failed", recordHook).build();

        RcloneBackupException failure =
                (RcloneBackupException) catchFailure(() -> facade(settings).dbBackup("default", false));

        assertThat(failure.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED);
        assertThat(failure.getMessage()).startsWith("Backup of database 'default' to " + BACKUP + " failed: ");
        assertThat(events)
                .containsExactly(
                        new BackupEvent.BeforeDbBackup("default"),
                        new BackupEvent.DbBackupFailed("default", BACKUP, failure.getMessage()));
        assertThat(Files.readAllLines(hookLog))
                .containsExactly("db-backup-failed|default|" + BACKUP + "|" + failure.getMessage());
        assertThat(Files.list(remote.resolve("db"))).isEmpty();
    }

    @Test
    void aFailingFailureHookIsAWarningAndTheOriginalErrorStands() throws Exception {
        corruptTheDatabase();
        Settings settings = settings()
                .hook("db-backup-failed", List.of("sh", "-c", "echo 'pager unreachable' >&2; exit 3"))
                .build();

        assertThatThrownBy(() -> facade(settings).dbBackup("default", false))
                .isInstanceOf(RcloneBackupException.class)
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessageStartingWith("Backup of database 'default' to " + BACKUP + " failed: ");
        assertThat(reporter.lines)
                .contains("Warning: The db-backup-failed hook sh failed with exit status 3: pager unreachable");
        assertThat(events).hasSize(2);
    }

    @Test
    void everyListenerHearsAFailureEventEvenWhenAnEarlierOneThrows() throws Exception {
        corruptTheDatabase();
        RcloneBackup backups = RcloneBackup.configure()
                .settings(settings().hook("db-backup-failed", recordHook).build())
                .reporter(reporter)
                .listener(event -> {
                    if (event.type().isFailure()) {
                        throw new IllegalStateException("the pager is down");
                    }
                })
                .listener(events::add)
                .serviceLoaderListeners(false)
                .clock(Clock.fixed(NOON, ZoneOffset.UTC))
                .load();

        assertThatThrownBy(() -> backups.dbBackup("default", false))
                .hasMessageStartingWith("Backup of database 'default' to " + BACKUP + " failed: ");

        assertThat(events).last().isInstanceOf(BackupEvent.DbBackupFailed.class);
        assertThat(Files.readAllLines(hookLog)).hasSize(1);
        assertThat(reporter.lines).contains("Warning: the pager is down");
    }

    @Test
    void anInterruptedBackupIsAFailureAndItsHookStillRuns() throws Exception {
        ScriptConnector slow = new ScriptConnector("echo 'first rows'; exec sleep 60");
        Settings settings = settings()
                .connector("default", slow.id())
                .hook("db-backup-failed", recordHook)
                .build();
        RcloneBackup backups = facade(settings, slow);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> thrown.set(catchFailure(() -> backups.dbBackup("default", false))));
        worker.start();
        while (reporter.lines.stream().noneMatch(line -> line.startsWith("Backing up"))) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        worker.interrupt();
        worker.join(30_000);

        assertThat(((RcloneBackupException) thrown.get()).errorCode()).isEqualTo(ErrorCode.INTERRUPTED);
        assertThat(Files.readAllLines(hookLog))
                .containsExactly("db-backup-failed|default|db/default-2024-01-15-120000.dump|" + Failures.INTERRUPTED);
    }

    @Test
    void aFailedRestoreSendsDbRestoreFailed() throws Exception {
        Settings settings = settings().hook("db-restore-failed", recordHook).build();

        assertThatThrownBy(() -> facade(settings).dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .hasMessage("No backups found for database 'default'");

        assertThat(events)
                .containsExactly(
                        new BackupEvent.DbRestoreFailed("default", null, "No backups found for database 'default'"));
        assertThat(Files.readAllLines(hookLog))
                .containsExactly("db-restore-failed|default||No backups found for database 'default'");
    }

    @Test
    void aFailedMediaBackupSendsMediaBackupFailed() throws Exception {
        Path missing = dir.resolve("not-mounted");
        Files.createDirectories(remote.resolve("media"));
        Files.writeString(remote.resolve("media/photo.jpg"), "a photo");
        Settings settings = settings()
                .mediaRoot(missing)
                .hook("media-backup-failed", recordHook)
                .build();

        Throwable failure = catchFailure(() -> facade(settings).mediaBackup(MediaBackupOptions.DEFAULTS));

        assertThat(failure).hasMessageContaining("does not exist");
        assertThat(events)
                .containsExactly(
                        new BackupEvent.BeforeMediaBackup(), new BackupEvent.MediaBackupFailed(failure.getMessage()));
        assertThat(Files.readAllLines(hookLog)).containsExactly("media-backup-failed|||" + failure.getMessage());
    }

    private static Throwable catchFailure(Runnable operation) {
        try {
            operation.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("the operation did not fail");
    }
}
