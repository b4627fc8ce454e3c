package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No endless waits: an rclone call that moves no data for {@code rclone.stall-timeout} is ended
 * with its whole process tree, and the command fails (exit 1) naming the rclone command; a
 * transfer that is slow but keeps moving is left alone.
 */
class StallTest {
    private static final Duration WELL_WITHIN = Duration.ofSeconds(45);

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private SqliteDatabase sqlite;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 20_000);
    }

    @Test
    void listbackupsWithAHangingRcloneEndsItAndFailsNamingTheCommand() throws IOException {
        Path hanging = Sandbox.script(directory.resolve("rclone-hanging"), "exec sleep 1000");
        writeConfig(sandbox.rcloneBinary(hanging.toString()));

        Cli.Running run = new Cli(sandbox).start("listbackups");
        run.awaitDescendant("the hanging rclone", handle -> Processes.runs(handle, "sleep"));
        List<ProcessHandle> children = run.descendants();
        Outcome outcome = run.await(WELL_WITHIN);

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("rclone lsjson stalled: no data moved for 2s, so it was ended (rclone.stall-timeout)")
                .contains(hanging + " lsjson")
                .contains(sandbox.remote() + "/db");
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void backupWhoseUploadStallsMidStreamIsEndedAndLeavesNothing() throws IOException {
        Path stalling = Sandbox.script(
                directory.resolve("rclone-stalling"),
                String.join(
                        "\n",
                        "if [ \"$1\" = rcat ]; then",
                        "  { head -c 200000; exec sleep 1000; } | '" + RcloneFixture.binary() + "' \"$@\"",
                        "  exit $?",
                        "fi",
                        "exec '" + RcloneFixture.binary() + "' \"$@\""));
        sandbox.rcloneBinary(stalling.toString()).rcloneFlags("--streaming-upload-cutoff", "1k");
        writeConfig(sandbox);

        Cli.Running run = new Cli(sandbox).start("dbbackup");
        run.awaitDescendant("the stalled upload", handle -> Processes.runs(handle, "sleep"));
        List<ProcessHandle> children = run.descendants();
        Outcome outcome = run.await(WELL_WITHIN);

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("Backup of database 'default' to db/default-")
                .contains("failed: rclone rcat stalled: no data moved for 2s, so it was ended (rclone.stall-timeout)")
                .contains(stalling + " rcat");
        assertThat(sandbox.remoteFiles()).as("the partial upload was removed").isEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void aSlowTransferThatKeepsMovingIsNotEnded() throws IOException {
        sqlite = SqliteDatabase.withRows(directory.resolve("small.sqlite3"), 4_000);
        sandbox.rcloneFlags("--bwlimit", "64k", "--streaming-upload-cutoff", "1k");
        writeConfig(sandbox);
        long started = System.nanoTime();

        Outcome outcome = new Cli(sandbox).run("dbbackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("longer than the stall timeout")
                .isGreaterThan(Duration.ofSeconds(4));
        assertThat(sandbox.finishedBackups()).hasSize(1);
    }

    /** The sandbox's configuration with the SQLite database and {@code rclone.stall-timeout: 2s}. */
    private void writeConfig(Sandbox configured) throws IOException {
        configured.writeConfig(Sandbox.sqliteDatabase(sqlite.file()));
        String config = Files.readString(configured.config());
        configured.writeRawConfig(config.replace("rclone:\n", "rclone:\n  stall-timeout: 2s\n"));
    }
}
