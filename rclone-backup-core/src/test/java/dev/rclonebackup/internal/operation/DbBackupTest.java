package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** dbbackup against a real SQLite database and a real rclone local-folder remote. */
@Timeout(120)
class DbBackupTest extends SqliteOperationTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");

    private List<String> remoteFiles() throws IOException {
        Path db = remote.resolve("db");
        if (!Files.isDirectory(db)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(db)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void streamsTheDumpToTheFinalNameAndReportsEachStep() throws Exception {
        DbBackupResult result = backups(settings().build(), NOON).dbBackup("default", false);

        assertThat(result.path()).isEqualTo("db/default-2024-01-15-120000.sqlite3");
        assertThat(remoteFiles()).containsExactly("default-2024-01-15-120000.sqlite3");
        Path stored = remote.resolve("db/default-2024-01-15-120000.sqlite3");
        assertThat(Files.readString(stored)).contains("CREATE TABLE note").contains("Zoë — ünïcödé ✓");
        assertThat(result.size()).isEqualTo(Files.size(stored));
        assertThat(reporter.lines)
                .contains(
                        "Backing up database 'default' to db/default-2024-01-15-120000.sqlite3",
                        "Backup completed: db/default-2024-01-15-120000.sqlite3");
        assertThat(listener.events)
                .containsExactly(
                        "pre-db-backup default", "post-db-backup default db/default-2024-01-15-120000.sqlite3");
    }

    @Test
    void theFacadeRunsConfiguredHooksAfterTheListeners() throws Exception {
        Path log = remote.resolveSibling("hooks.log");
        List<String> appendEvent =
                List.of("sh", "-c", "echo \"$RCLONE_BACKUP_EVENT $RCLONE_BACKUP_PATH\" >> '" + log + "'");
        Settings settings = settings()
                .hook("pre-db-backup", appendEvent)
                .hook("post-db-backup", appendEvent)
                .build();

        backups(settings, NOON).dbBackup("default", false);

        assertThat(Files.readAllLines(log))
                .containsExactly("pre-db-backup ", "post-db-backup db/default-2024-01-15-120000.sqlite3");
        assertThat(listener.events).hasSize(2);
    }

    @Test
    void neverOverwritesAnExistingBackupOfTheSameName() throws Exception {
        Path existing = Files.createDirectories(remote.resolve("db")).resolve("default-2024-01-15-120000.sqlite3");
        Files.writeString(existing, "an earlier backup");

        assertThatThrownBy(() -> backups(settings().build(), NOON).dbBackup("default", false))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("db/default-2024-01-15-120000.sqlite3 already exists");

        assertThat(Files.readString(existing)).isEqualTo("an earlier backup");
        assertThat(remoteFiles()).containsExactly("default-2024-01-15-120000.sqlite3");
    }

    @Test
    void aFailingDumpToolLeavesNeitherBackupNorPartialAndIsNamedInTheError() throws Exception {
        Connector failing = new ScriptConnector("echo 'CREATE TABLE half'; echo 'dump: out of memory' >&2; exit 2");
        Settings settings = settings().connector("default", failing.id()).build();

        assertThatThrownBy(() -> backups(settings, NOON, failing).dbBackup("default", false))
                .isInstanceOf(RcloneBackupException.class)
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessage("Backup of database 'default' to db/default-2024-01-15-120000.dump failed: "
                        + "sh exited with status 2: dump: out of memory");

        assertThat(remoteFiles()).isEmpty();
        assertThat(listener.events)
                .containsExactly("pre-db-backup default", "db-backup-failed default db/default-2024-01-15-120000.dump");
    }

    @Test
    void aFailingRcloneIsReportedAndNothingIsLeft() throws Exception {
        Settings settings = settings().remote("no-such-remote:backups").build();

        assertThatThrownBy(() -> backups(settings, NOON).dbBackup("default", false))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("rclone")
                .hasMessageContaining("no-such-remote");
    }

    @Test
    void aDumpThatPrintsMegabytesOnStderrFinishes() throws Exception {
        Connector noisy = new ScriptConnector("head -c 30000000 /dev/zero | tr '\\0' 'w' >&2; echo 'SELECT 1;'");
        Settings settings = settings().connector("default", noisy.id()).build();

        DbBackupResult result = backups(settings, NOON, noisy).dbBackup("default", false);

        assertThat(Files.readString(remote.resolve(result.path()))).isEqualTo("SELECT 1;\n");
    }

    @Test
    void aBackupRunsTwoRcloneProcessesWhateverSizeTheDumpHas() throws Exception {
        for (int bytes : new int[] {0, 10, 102_399, 102_400, 3_000_000}) {
            Path calls = dir.resolve("calls-" + bytes);
            Connector sized = new ScriptConnector("head -c " + bytes + " /dev/zero");
            Settings settings = settings()
                    .connector("default", sized.id())
                    .rcloneBinary(countingRclone(calls).toString())
                    .build();

            DbBackupResult result =
                    backups(settings, NOON.plusSeconds(bytes), sized).dbBackup("default", false);

            assertThat(Files.readAllLines(calls)).as("%d bytes", bytes).containsExactly("rcat", "moveto");
            assertThat(result.size()).isEqualTo(bytes);
            assertThat(Files.size(remote.resolve(result.path()))).isEqualTo(bytes);
        }
        assertThat(remoteFiles()).hasSize(5).noneMatch(name -> name.contains(".partial-"));
    }

    @Test
    void withRclonesStatisticsSilencedTheStoredFileIsLookedUpInstead() throws Exception {
        Path calls = dir.resolve("calls");
        Connector sized = new ScriptConnector("head -c 5000 /dev/zero");
        Settings settings = settings()
                .connector("default", sized.id())
                .rcloneBinary(countingRclone(calls).toString())
                .rcloneFlags(List.of("-q"))
                .build();

        DbBackupResult result = backups(settings, NOON, sized).dbBackup("default", false);

        assertThat(Files.readAllLines(calls)).containsExactly("rcat", "moveto", "lsjson");
        assertThat(result.size()).isEqualTo(5000);
    }

    /** An rclone that writes its subcommand to {@code calls}, then runs the real one. */
    private Path countingRclone(Path calls) throws IOException {
        Path script = dir.resolve("rclone-counting-" + calls.getFileName());
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> '" + calls + "'\nexec rclone \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void interruptEndsTheDumpAndRemovesThePartialUpload() throws Exception {
        Connector slow = new ScriptConnector("echo 'first rows'; exec sleep 60");
        Settings settings = settings().connector("default", slow.id()).build();
        RcloneBackup backups = backups(settings, NOON, slow);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                backups.dbBackup("default", false);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        while (reporter.lines.stream().noneMatch(l -> l.startsWith("Backing up"))) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        worker.interrupt();
        worker.join(30_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(RcloneBackupException.class);
        assertThat(((RcloneBackupException) thrown.get()).errorCode()).isEqualTo(ErrorCode.INTERRUPTED);
        assertThat(remoteFiles()).isEmpty();
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().command().orElse("").contains("sleep")))
                .isEmpty();
    }

    @Test
    void aFailingPreEventListenerAbortsBeforeAnythingRuns() throws Exception {
        BackupListener veto = event -> {
            if (event instanceof BackupEvent.BeforeDbBackup) {
                throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, "maintenance window");
            }
        };
        RcloneBackup backups = RcloneBackup.configure()
                .settings(settings().build())
                .listener(veto)
                .serviceLoaderListeners(false)
                .load();

        assertThatThrownBy(() -> backups.dbBackup("default", false)).hasMessage("maintenance window");
        assertThat(remoteFiles()).isEmpty();
    }

    @Test
    void cleanKeepsTheNewestOfThisDatabaseOnlyAndRemovesStalePartials() throws Exception {
        Path db = Files.createDirectories(remote.resolve("db"));
        for (int day = 1; day <= 5; day++) {
            aged(
                    db.resolve("default-2024-01-0" + day + "-120000.sqlite3"),
                    Instant.parse("2024-01-0" + day + "T12:00:00Z"));
        }
        aged(db.resolve("other-2024-01-01-120000.sqlite3"), Instant.parse("2023-01-01T00:00:00Z"));
        aged(db.resolve("notes.txt"), Instant.parse("2023-01-01T00:00:00Z"));
        aged(db.resolve("default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa"), NOON.minusSeconds(25 * 3600));
        aged(db.resolve("default-2024-01-15-115959.sqlite3.partial-bbbbbbbbbbbb"), NOON.minusSeconds(60));
        aged(db.resolve("other-2024-01-01-000000.sqlite3.partial-cccccccccccc"), NOON.minusSeconds(90 * 3600));
        // A newer modification time wins over the timestamp in the name.
        aged(db.resolve("default-2024-01-01-120000.sqlite3"), Instant.parse("2024-01-10T00:00:00Z"));

        DbBackupResult result = backups(settings().cleanupKeep(3).build(), NOON).dbBackup("default", true);

        assertThat(remoteFiles())
                .containsExactly(
                        "default-2024-01-01-120000.sqlite3",
                        "default-2024-01-05-120000.sqlite3",
                        "default-2024-01-15-115959.sqlite3.partial-bbbbbbbbbbbb",
                        "default-2024-01-15-120000.sqlite3",
                        "notes.txt",
                        "other-2024-01-01-000000.sqlite3.partial-cccccccccccc",
                        "other-2024-01-01-120000.sqlite3");
        assertThat(result.removed())
                .containsExactlyInAnyOrder(
                        "db/default-2024-01-04-120000.sqlite3",
                        "db/default-2024-01-03-120000.sqlite3",
                        "db/default-2024-01-02-120000.sqlite3",
                        "db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa");
        assertThat(reporter.lines).contains("Removing old backup: db/default-2024-01-02-120000.sqlite3");
        // Besides the upload: the check of the dump's end, the move, one listing, one batched delete.
        assertThat(reporter.lines)
                .filteredOn(line -> line.startsWith("detail: Running: rclone "))
                .hasSize(4);
    }

    private static void aged(Path file, Instant modified) throws IOException {
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** A connector whose dump is a shell script: for injecting failures on top of the real round trips. */
    static final class ScriptConnector implements Connector {
        private final String script;

        ScriptConnector(String script) {
            this.script = script;
        }

        @Override
        public String id() {
            return "script";
        }

        @Override
        public String extension() {
            return "dump";
        }

        @Override
        public Dump dump(Database database) {
            return Dump.of(Step.command(List.of("sh", "-c", script), "dash"));
        }

        @Override
        public Restore restore(Database database) {
            return Restore.of(Step.command(List.of("sh", "-c", script), "dash"));
        }
    }
}
