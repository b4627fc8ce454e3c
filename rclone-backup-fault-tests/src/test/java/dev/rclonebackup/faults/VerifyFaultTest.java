package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.faults.ServerDatabase.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guarantee 14: dbverify removes its scratch database whatever happens — a signal in the middle of
 * the restore, a truncated backup, random bytes, a backup of another engine — and never changes the
 * configured database.
 */
class VerifyFaultTest {
    private static final String FOREIGN_NAME = "default-2020-01-01-000000.dump";

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Cli cli;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        cli = new Cli(sandbox);
    }

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void signalDuringAPostgresqlVerifyEndsTheChildrenAndDropsTheScratchDatabase(String signal, int exitCode) {
        ServerDatabase database = postgresql(20_000);
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        String before = database.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(database.configBlock());

        Cli.Running run = cli.start("dbverify");
        run.awaitDescendant("pg_restore", VerifyFaultTest::restores);
        assertThat(database.verifyDatabases())
                .as("the scratch database exists while restoring")
                .hasSize(1);
        Processes.pause(Duration.ofMillis(1500));
        List<ProcessHandle> children = run.descendants();
        Processes.signal(run.pid(), signal);
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exitCode);
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
        assertThat(database.verifyDatabases()).isEmpty();
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void sigtermDuringAMariadbVerifyDropsTheScratchDatabases() {
        ServerDatabase database = ServerDatabase.create(Engine.MARIADB, "verify-test-password", 20_000);
        database.allowCreatingDatabases();
        sandbox.writeConfig(database.configBlock());
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        String before = database.content();
        sandbox.rcloneFlags("--bwlimit", "16k");
        sandbox.writeConfig(database.configBlock());

        Cli.Running run = cli.start("dbverify");
        // The restore's client reads the stream; the short statements around it run in batch mode.
        run.awaitDescendant(
                "mysql",
                handle -> (Processes.runs(handle, "mysql") || Processes.runs(handle, "mariadb"))
                        && !Processes.hasArgument(handle, "--batch"));
        Processes.pause(Duration.ofMillis(1500));
        Processes.signal(run.pid(), "TERM");
        Outcome outcome = run.await(Duration.ofMinutes(1));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(143);
        assertThat(database.verifyDatabases()).isEmpty();
        assertThat(database.scratchDatabases()).isEmpty();
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void truncatedPostgresqlBackupFailsVerifyAndLeavesNoScratchDatabase() throws IOException {
        ServerDatabase database = postgresql(5_000);
        assertThat(cli.run("dbbackup").exitCode()).isZero();
        String name = Path.of(sandbox.finishedBackups().get(0)).getFileName().toString();
        Path file = sandbox.dbFolder().resolve(name);
        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length / 2));

        Outcome outcome = cli.run("dbverify", "--input-path", name);

        assertFailed(outcome, name, "pg_restore");
        assertThat(database.verifyDatabases()).isEmpty();
    }

    @Test
    void randomBytesAsPostgresqlBackupFailVerifyAndLeaveNoScratchDatabase() throws IOException {
        ServerDatabase database = postgresql(100);
        byte[] noise = new byte[64 * 1024];
        new SecureRandom().nextBytes(noise);
        Files.createDirectories(sandbox.dbFolder());
        Files.write(sandbox.dbFolder().resolve(FOREIGN_NAME), noise);

        Outcome outcome = cli.run("dbverify", "-i", FOREIGN_NAME);

        assertFailed(outcome, FOREIGN_NAME, "does not appear to be a valid archive");
        assertThat(database.verifyDatabases()).isEmpty();
    }

    @Test
    void sqliteDumpNamedAsAPostgresqlBackupFailsVerifyAndLeavesNoScratchDatabase() throws IOException {
        ServerDatabase database = postgresql(100);
        SqliteDatabase.withRows(directory.resolve("other.sqlite3"), 50);
        Files.createDirectories(sandbox.dbFolder());
        Files.writeString(
                sandbox.dbFolder().resolve(FOREIGN_NAME),
                sqliteDump(directory.resolve("other.sqlite3")),
                StandardCharsets.UTF_8);

        Outcome outcome = cli.run("dbverify", "-i", FOREIGN_NAME);

        assertFailed(outcome, FOREIGN_NAME, "does not appear to be a valid archive");
        assertThat(database.verifyDatabases()).isEmpty();
    }

    private ServerDatabase postgresql(int rows) {
        ServerDatabase database = ServerDatabase.create(Engine.POSTGRESQL, "verify-test-password", rows);
        database.allowCreatingDatabases();
        sandbox.writeConfig(database.configBlock());
        return database;
    }

    private static String sqliteDump(Path file) throws IOException {
        Process process = new ProcessBuilder("sqlite3", file.toString(), ".dump").start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dump;
    }

    private static void assertFailed(Outcome outcome, String name, String toolError) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .as(outcome.toString())
                .contains("Verify of db/" + name + " (database 'default') failed")
                .contains(toolError)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static boolean restores(ProcessHandle handle) {
        return Processes.runs(handle, "pg_restore")
                && handle.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains("--single-transaction"))
                        .orElse(false);
    }
}
