package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.faults.ServerDatabase.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guarantee 1: a backup or restore interrupted by a killed tool or a signal exits non-zero and
 * leaves no backup under the final name, no partial upload, no running child and the old data.
 */
class InterruptionTest {
    private static final Duration SLOW_TRANSFER_WAIT = Duration.ofMillis(1500);

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Cli cli;
    private SqliteDatabase sqlite;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        cli = new Cli(sandbox);
        sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 20_000);
    }

    @Test
    void killNineOfTheDumpToolMidStreamFailsAndRemovesThePartialUpload() {
        Path pidFile = directory.resolve("dump.pid");
        sandbox.tool("sqlite3", "head -c 300000 /dev/zero\necho $$ > '" + pidFile + "'\nexec sleep 600");
        sandbox.rcloneFlags("--streaming-upload-cutoff", "1k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));

        Cli.Running run = cli.start("dbbackup");
        run.awaitFile(pidFile);
        awaitPartialUpload(run);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(Long.parseLong(read(pidFile)), "KILL");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("Backup of database 'default'")
                .contains("sqlite3 was killed by signal 9");
        assertThat(sandbox.remoteFiles()).isEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void killNineOfRcloneMidUploadFailsAndRemovesThePartialUpload() {
        sandbox.rcloneFlags("--bwlimit", "32k", "--streaming-upload-cutoff", "1k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));

        Cli.Running run = cli.start("dbbackup");
        ProcessHandle rcat = run.awaitDescendant("rclone rcat", handle -> Processes.hasArgument(handle, "rcat"));
        awaitPartialUpload(run);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(rcat.pid(), "KILL");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("Backup of database 'default'").contains("rclone was killed by signal 9");
        assertThat(sandbox.remoteFiles()).isEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void signalToRcloneBackupMidStreamEndsTheChildrenAndRemovesThePartialUpload(String signal, int exitCode) {
        sandbox.rcloneFlags("--bwlimit", "32k", "--streaming-upload-cutoff", "1k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));

        Cli.Running run = cli.start("dbbackup");
        run.awaitDescendant("rclone rcat", handle -> Processes.hasArgument(handle, "rcat"));
        awaitPartialUpload(run);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), signal);
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exitCode);
        assertThat(outcome.stderr()).contains("Interrupted");
        assertThat(sandbox.remoteFiles()).isEmpty();
        assertThat(children).isNotEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void sigintDuringDbbackupAllStopsTheWholeRunWithoutStartingTheNextDatabase() {
        SqliteDatabase analytics = SqliteDatabase.withRows(directory.resolve("analytics.sqlite3"), 10);
        sandbox.rcloneFlags("--bwlimit", "32k", "--streaming-upload-cutoff", "1k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()) + "\n  analytics:\n    engine: sqlite\n    name: "
                + Sandbox.quoted(analytics.file().toString()));

        Cli.Running run = cli.start("dbbackup", "--all");
        run.awaitDescendant("rclone rcat", handle -> Processes.hasArgument(handle, "rcat"));
        awaitPartialUpload(run);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), "INT");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(130);
        assertThat(outcome.stderr()).contains("Interrupted").doesNotContain("Backup failed for");
        assertThat(outcome.stdout()).contains("Backing up database 'default'").doesNotContain("analytics");
        assertThat(sandbox.remoteFiles()).isEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void killNineOfRcloneBackupLeavesOnlyAPartialThatIsIgnoredAndLaterCleanedOnceStale() throws IOException {
        sandbox.rcloneFlags("--bwlimit", "32k", "--streaming-upload-cutoff", "1k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()) + "\ndb:\n  cleanup-keep: 3");
        String before = sqlite.content();

        Cli.Running run = cli.start("dbbackup");
        run.awaitDescendant("rclone rcat", handle -> Processes.hasArgument(handle, "rcat"));
        awaitPartialUpload(run);
        List<ProcessHandle> orphans = run.descendants();
        Processes.signal(run.pid(), "KILL");
        assertThat(run.await(Duration.ofSeconds(30)).exitCode()).isEqualTo(137);
        // Nothing can clean up after a SIGKILL: the orphaned children are ended here, as an operator would.
        orphans.forEach(ProcessHandle::destroyForcibly);
        assertThat(Processes.allEnded(orphans)).isTrue();

        List<String> leftovers = sandbox.remoteFiles();
        assertThat(leftovers).hasSize(1).allMatch(name -> name.startsWith("db/default-") && name.contains(".partial-"));
        sandbox.rcloneFlags();
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()) + "\ndb:\n  cleanup-keep: 3");

        Outcome listing = cli.run("listbackups");
        assertThat(listing.exitCode()).as(listing.toString()).isZero();
        assertThat(listing.stdout()).contains("No database backups found.").doesNotContain(".partial-");
        Outcome restore = cli.run("dbrestore", "--noinput");
        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(1);
        assertThat(restore.stderr()).contains("No backups found for database 'default'");
        assertThat(sqlite.content()).isEqualTo(before);

        Outcome freshClean = cli.run("dbbackup", "--clean");
        assertThat(freshClean.exitCode()).as(freshClean.toString()).isZero();
        assertThat(sandbox.remoteFiles())
                .as("a recent partial may be a running backup: kept")
                .containsAll(leftovers);

        Path partial = sandbox.remote().resolve(leftovers.get(0));
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Processes.pause(Duration.ofMillis(1100));
        Outcome staleClean = cli.run("dbbackup", "--clean");
        assertThat(staleClean.exitCode()).as(staleClean.toString()).isZero();
        assertThat(staleClean.stdout()).contains("Removing stale partial upload: " + leftovers.get(0));
        assertThat(sandbox.remoteFiles()).hasSize(2).noneMatch(name -> name.contains(".partial-"));
    }

    @Test
    void sigtermDuringAPostgresqlRestoreKeepsTheOldData() {
        ServerDatabase database = ServerDatabase.create(Engine.POSTGRESQL, "restore-test-password", 20_000);
        sandbox.writeConfig(database.configBlock());
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        database.execute("DELETE FROM item WHERE id % 2 = 0");
        database.execute("INSERT INTO item VALUES (999999, 'written after the backup')");
        String before = database.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(database.configBlock());

        Cli.Running run = cli.start("dbrestore", "--noinput");
        run.awaitDescendant("pg_restore", InterruptionTest::restoresIntoTheDatabase);
        Processes.pause(SLOW_TRANSFER_WAIT);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), "TERM");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(143);
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void sigtermDuringAMariadbRestoreKeepsTheOldDataAndNoScratchDatabase() {
        ServerDatabase database = ServerDatabase.create(Engine.MARIADB, "restore-test-password", 20_000);
        sandbox.writeConfig(database.configBlock());
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        database.execute("DELETE FROM item WHERE id % 2 = 0");
        database.execute("INSERT INTO item VALUES (999999, 'written after the backup')");
        String before = database.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(database.configBlock());

        Cli.Running run = cli.start("dbrestore", "--noinput");
        // mysql is a link to mariadb, which is what the process table shows.
        run.awaitDescendant("mysql", handle -> Processes.runs(handle, "mysql") || Processes.runs(handle, "mariadb"));
        Processes.pause(SLOW_TRANSFER_WAIT);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), "TERM");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(143);
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
        assertThat(database.content()).isEqualTo(before);
        assertThat(database.scratchDatabases()).isEmpty();
    }

    @Test
    void killNineOfPgRestoreMidRestoreFailsAndKeepsTheOldData() {
        ServerDatabase database = ServerDatabase.create(Engine.POSTGRESQL, "restore-test-password", 20_000);
        sandbox.writeConfig(database.configBlock());
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        database.execute("DELETE FROM item WHERE id > 100");
        String before = database.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(database.configBlock());

        Cli.Running run = cli.start("dbrestore", "--noinput");
        ProcessHandle pgRestore = run.awaitDescendant("pg_restore", InterruptionTest::restoresIntoTheDatabase);
        Processes.pause(SLOW_TRANSFER_WAIT);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(pgRestore.pid(), "KILL");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("Restore of database 'default'")
                .contains("pg_restore was killed by signal 9");
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void sigintDuringASqliteRestoreKeepsTheOldDataAndNoTemporaryFile() throws IOException {
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        sqlite.sql("DELETE FROM item WHERE id > 10;");
        String before = sqlite.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));

        Cli.Running run = cli.start("dbrestore", "--noinput");
        run.awaitDescendant("sqlite3", handle -> Processes.runs(handle, "sqlite3"));
        Processes.pause(SLOW_TRANSFER_WAIT);
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), "INT");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(130);
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
        assertThat(sqlite.content()).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.contains(".restore-"));
        }
    }

    /** Waits until the upload has created its partial object, so the interruption is mid-stream. */
    private void awaitPartialUpload(Cli.Running run) {
        run.awaitDescendant(
                "a partial upload on the remote",
                handle -> sandbox.remoteFiles().stream().anyMatch(name -> name.contains(".partial-")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pg_restore that restores, not one of those that first read the backup's table of contents. */
    private static boolean restoresIntoTheDatabase(ProcessHandle handle) {
        return Processes.runs(handle, "pg_restore")
                && handle.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains("--single-transaction"))
                        .orElse(false);
    }
}
