package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guarantee 6: concurrent and repeated backups. Two runs of the same database started together
 * end with two distinct backups or one clean failure, never one overwriting the other; 25
 * backups followed by {@code --clean} leave exactly {@code cleanup-keep}; a {@code cleanup-keep}
 * of 0 or less is a configuration error.
 */
class ConcurrencyTest {
    private static final Path REAL_SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private SqliteDatabase sqlite;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 2_000);
        assertThat(REAL_SQLITE3).isExecutable();
        // The real dump, signed by the run that made it, so an overwrite would show.
        sandbox.tool("sqlite3", "'" + REAL_SQLITE3 + "' \"$@\" || exit $?\necho \"-- written by run $RUN_MARKER\"");
    }

    /**
     * A day-granular name makes both runs pick the same name. The run whose move comes second is
     * refused and exits 1, unless both moves fall inside rclone's own check-then-rename window
     * ({@code moveto --ignore-existing} looks, then renames): then both report success and the
     * later backup replaces the earlier, equally complete one. Either way exactly one complete
     * backup, written by a run that succeeded, is stored, and no partial upload is left.
     */
    @Test
    void twoRunsPickingTheSameNameEndWithOneBackupAndOneCleanFailure() throws IOException {
        writeConfig("yyyy-MM-dd", 10);

        List<Outcome> outcomes = startTogether();

        assertOneCompleteBackupOfASuccessfulRun(outcomes);
    }

    /** Millisecond names: runs whose names differ both succeed, each with its own complete backup. */
    @Test
    void twoRunsPickingDifferentNamesEndWithTwoDistinctBackups() throws IOException {
        writeConfig("yyyy-MM-dd-HHmmssSSS", 10);

        List<Outcome> outcomes = startTogether();

        if (backupName(outcomes.get(0)).equals(backupName(outcomes.get(1)))) {
            // Both started within the same millisecond: the case above.
            assertOneCompleteBackupOfASuccessfulRun(outcomes);
            return;
        }
        assertThat(outcomes)
                .extracting(Outcome::exitCode)
                .as(outcomes.toString())
                .containsExactly(0, 0);
        List<String> files = sandbox.remoteFiles();
        assertThat(files).hasSize(2).allMatch(name -> !name.contains(".partial-"));
        String first = Files.readString(sandbox.remote().resolve(files.get(0)));
        String second = Files.readString(sandbox.remote().resolve(files.get(1)));
        assertThat(List.of(first.substring(first.lastIndexOf("run ")), second.substring(second.lastIndexOf("run "))))
                .containsExactlyInAnyOrder("run A\n", "run B\n");
    }

    private void assertOneCompleteBackupOfASuccessfulRun(List<Outcome> outcomes) throws IOException {
        assertThat(outcomes)
                .extracting(Outcome::exitCode)
                .as(outcomes.toString())
                .contains(0)
                .allMatch(code -> code <= 1);
        for (Outcome outcome : outcomes) {
            if (outcome.exitCode() == 1) {
                assertThat(outcome.stderr()).contains("already exists; refusing to overwrite it");
            }
        }
        assertThat(sandbox.remoteFiles())
                .as("one backup, no partial upload")
                .hasSize(1)
                .allMatch(name -> !name.contains(".partial-"));
        String stored =
                Files.readString(sandbox.remote().resolve(sandbox.remoteFiles().get(0)));
        assertThat(stored).as("a complete dump").contains("COMMIT;");
        String writer = stored.substring(stored.lastIndexOf("-- written by run ") + "-- written by run ".length())
                .strip();
        assertThat(outcomes.get(writer.equals("A") ? 0 : 1).exitCode())
                .as("the stored backup's run succeeded")
                .isZero();
    }

    /** The name a run announced in its first line, {@code Backing up database 'default' to db/NAME}. */
    private static String backupName(Outcome outcome) {
        String first = outcome.stdout().lines().findFirst().orElse("");
        return first.substring(first.lastIndexOf(' ') + 1);
    }

    @Test
    void twentyFiveBackupsThenCleanLeaveExactlyCleanupKeep() {
        writeConfig("yyyy-MM-dd-HHmmssSSS", 4);
        Cli cli = new Cli(sandbox).withEnvironment(Map.of("RUN_MARKER", "serial"));
        for (int i = 1; i < 25; i++) {
            Outcome outcome = cli.run("dbbackup", "-v", "0");
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        }
        List<String> beforeClean = sandbox.remoteFiles();
        assertThat(beforeClean).hasSize(24);

        Outcome cleaning = cli.run("dbbackup", "--clean");

        assertThat(cleaning.exitCode()).as(cleaning.toString()).isZero();
        List<String> kept = sandbox.remoteFiles();
        assertThat(kept).hasSize(4);
        assertThat(kept.subList(0, 3)).isEqualTo(beforeClean.subList(21, 24));
        assertThat(cleaning.stdout().lines().filter(line -> line.startsWith("Removing old backup: ")))
                .hasSize(21);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void cleanupKeepOfZeroOrLessIsAConfigurationError(int keep) {
        writeConfig("yyyy-MM-dd-HHmmss", keep);

        Outcome outcome = new Cli(sandbox).run("dbbackup", "--clean");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("db.cleanup-keep must be at least 1, got " + keep);
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    @Test
    void cleanupKeepOfZeroFromTheEnvironmentIsAConfigurationError() {
        writeConfig("yyyy-MM-dd-HHmmss", 3);

        Outcome outcome = new Cli(sandbox)
                .withEnvironment(Map.of("RCLONE_BACKUP_DB_CLEANUP_KEEP", "0"))
                .run("dbbackup", "--clean");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("RCLONE_BACKUP_DB_CLEANUP_KEEP").contains("at least 1");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    private void writeConfig(String dateFormat, int cleanupKeep) {
        sandbox.writeConfig("db:\n  date-format: " + Sandbox.quoted(dateFormat) + "\n  cleanup-keep: " + cleanupKeep
                + "\n" + Sandbox.sqliteDatabase(sqlite.file()));
    }

    /** Starts run A and run B at the same moment and waits for both. */
    private List<Outcome> startTogether() {
        Cli.Running a =
                new Cli(sandbox).withEnvironment(Map.of("RUN_MARKER", "A")).start("dbbackup");
        Cli.Running b =
                new Cli(sandbox).withEnvironment(Map.of("RUN_MARKER", "B")).start("dbbackup");
        return List.of(a.await(Duration.ofMinutes(2)), b.await(Duration.ofMinutes(2)));
    }
}
