package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 7: volume. With the JVM limited to {@value Cli#HEAP_LIMIT}, a dump tool that writes
 * 100 MB to its standard error and a 1 GB dump (backed up and restored) finish without deadlock:
 * data flows from pipe to pipe and diagnostics are drained into a bounded buffer.
 */
class VolumeTest {
    private static final long GIGABYTE = 1L << 30;
    private static final String DUMP_END = "\nCOMMIT;\n";
    private static final long STDERR_BYTES = 100L << 20;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Path databaseFile;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(directory);
        databaseFile = Files.writeString(directory.resolve("app.sqlite3"), "");
        sandbox.writeConfig(Sandbox.sqliteDatabase(databaseFile));
    }

    @Test
    void aDumpToolWriting100MegabytesToStderrDoesNotDeadlock() {
        sandbox.tool(
                "sqlite3",
                "head -c " + STDERR_BYTES + " /dev/zero | tr '\\0' 'w' | fold -w 99 >&2\n"
                        + "printf 'BEGIN TRANSACTION;\\nCREATE TABLE t(x);\\nCOMMIT;\\n'");

        Outcome outcome = new Cli(sandbox).start("dbbackup").await(LIMIT);

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(sandbox.finishedBackups()).hasSize(1);
        assertThat(outcome.output().length())
                .as("the noise is not echoed below verbosity 3")
                .isLessThan(10_000);
    }

    @Test
    void aOneGigabyteDumpIsBackedUpAndRestoredWithA64MegabyteHeap() throws IOException {
        Path restoredBytes = directory.resolve("restored-bytes");
        sandbox.tool(
                "sqlite3",
                String.join(
                        "\n",
                        "case \"$*\" in",
                        // The dump: a gigabyte ending, as a complete sqlite3 dump does, with COMMIT.
                        "  *' .dump '*) head -c " + (GIGABYTE - DUMP_END.length()) + " /dev/zero; printf '" + DUMP_END
                                + "' ;;",
                        "  *) for target; do :; done",
                        "     wc -c > '" + restoredBytes + "' && echo restored > \"$target\" ;;",
                        "esac"));
        Cli cli = new Cli(sandbox);

        Outcome backup = cli.start("dbbackup").await(LIMIT);
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        List<String> backups = sandbox.finishedBackups();
        assertThat(backups).hasSize(1);
        assertThat(Files.size(sandbox.remote().resolve(backups.get(0)))).isEqualTo(GIGABYTE);
        Outcome listing = cli.run("listbackups");
        assertThat(listing.stdout()).contains("1.0 GB");

        Outcome restore = cli.start("dbrestore", "--noinput").await(LIMIT);
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(Files.readString(restoredBytes).strip()).isEqualTo(Long.toString(GIGABYTE));
        assertThat(Files.readString(databaseFile)).isEqualTo("restored\n");
        Files.delete(sandbox.remote().resolve(backups.get(0)));
    }
}
