package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleanup} through the whole command line, against real rclone with a local folder as the
 * remote; rclone is called through a script that logs each call before running the real one.
 */
class CleanupCommandTest {
    private static final String NL = System.lineSeparator();
    private static final String TWO_DATABASES = "  other:\n    engine: sqlite\n    name: other.sqlite3\n";

    @TempDir
    Path directory;

    private Workspace workspace;
    private Path db;
    private Path calls;
    private Path rclone;

    @BeforeEach
    void backupsOnTheRemote() throws Exception {
        workspace = new Workspace(directory);
        db = Files.createDirectories(workspace.remote.resolve("db"));
        for (int day = 10; day <= 14; day++) {
            backup("default-2024-01-" + day + "-060000.sqlite3", "2024-01-" + day + "T06:00:00Z");
            backup("default-2024-01-" + day + "-180000.sqlite3", "2024-01-" + day + "T18:00:00Z");
        }
        backup("other-2024-01-13-120000.sqlite3", "2024-01-13T12:00:00Z");
        backup("other-2024-01-14-120000.sqlite3", "2024-01-14T12:00:00Z");
        backup("default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa", "2024-01-01T00:00:00Z");
        calls = directory.resolve("rclone-calls.log");
        rclone = workspace.script("logging-rclone", "echo \"$1\" >> '" + calls + "'\nexec rclone \"$@\"");
    }

    private void backup(String name, String modified) throws IOException {
        Path file = db.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    private CliRun cleanup(String... args) {
        return CliRun.builder()
                .environment(Map.of("RCLONE_BACKUP_RCLONE_BINARY", rclone.toString()))
                .workingDirectory(workspace.root)
                .run(args);
    }

    private List<String> rcloneCalls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void removesWhatThePolicyDoesNotKeepInOneDeletion() throws Exception {
        workspace.writeConfig(TWO_DATABASES + "db:\n  retention:\n    keep-last: 1\n    keep-daily: 3\n", "");

        CliRun run = cleanup("cleanup");

        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .isEqualTo(String.join(
                        NL,
                        "Removing old backup: db/default-2024-01-14-060000.sqlite3",
                        "Removing old backup: db/default-2024-01-13-060000.sqlite3",
                        "Removing old backup: db/default-2024-01-12-060000.sqlite3",
                        "Removing old backup: db/default-2024-01-11-180000.sqlite3",
                        "Removing old backup: db/default-2024-01-11-060000.sqlite3",
                        "Removing old backup: db/default-2024-01-10-180000.sqlite3",
                        "Removing old backup: db/default-2024-01-10-060000.sqlite3",
                        "Removing stale partial upload: db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa",
                        "Cleanup completed: removed 8 files, kept 5 backups.",
                        ""));
        assertThat(run.exitCode()).isZero();
        assertThat(workspace.remoteFiles())
                .containsExactly(
                        "db/default-2024-01-12-180000.sqlite3",
                        "db/default-2024-01-13-180000.sqlite3",
                        "db/default-2024-01-14-180000.sqlite3",
                        "db/other-2024-01-13-120000.sqlite3",
                        "db/other-2024-01-14-120000.sqlite3");
        assertThat(rcloneCalls()).as("one listing, one batched deletion").containsExactly("lsjson", "delete");
    }

    @Test
    void aDryRunSaysWhatWouldGoAndChangesNothing() throws Exception {
        workspace.writeConfig(TWO_DATABASES + "db:\n  cleanup-keep: 4\n", "");
        List<String> before = workspace.remoteFiles();

        CliRun run = cleanup("cleanup", "--dry-run", "-d", "default");

        assertThat(run.out())
                .startsWith("Would remove: db/default-2024-01-12-180000.sqlite3" + NL
                        + "Would remove: db/default-2024-01-12-060000.sqlite3" + NL)
                .contains(
                        "Would remove stale partial upload: db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa")
                .endsWith("Dry run of the cleanup: 7 files would be removed, 4 backups kept; nothing was changed." + NL)
                .doesNotContain("Removing")
                .doesNotContain("other-");
        assertThat(run.exitCode()).isZero();
        assertThat(workspace.remoteFiles()).isEqualTo(before);
        assertThat(rcloneCalls()).containsExactly("lsjson");
    }

    @Test
    void verbosityTwoListsEveryKeptBackupWithTheRulesKeepingIt() throws Exception {
        workspace.writeConfig(
                TWO_DATABASES + "db:\n  retention:\n    keep-last: 2\n    keep-daily: 3\n    keep-weekly: 2\n", "");
        // The 10th to the 14th of January 2024 are one ISO week (2); the 5th is in week 1.
        backup("default-2024-01-05-060000.sqlite3", "2024-01-05T06:00:00Z");

        CliRun run = cleanup("-v", "2", "cleanup", "-d", "default", "-d", "other");

        assertThat(run.out())
                .contains(
                        "Keeping db/default-2024-01-14-180000.sqlite3 (newest, keep-last, keep-daily, keep-weekly)"
                                + NL + "Keeping db/default-2024-01-14-060000.sqlite3 (keep-last)" + NL
                                + "Keeping db/default-2024-01-13-180000.sqlite3 (keep-daily)" + NL
                                + "Keeping db/default-2024-01-12-180000.sqlite3 (keep-daily)" + NL
                                + "Keeping db/default-2024-01-05-060000.sqlite3 (keep-weekly)" + NL,
                        "Keeping db/other-2024-01-14-120000.sqlite3 (newest, keep-last, keep-daily, keep-weekly)" + NL
                                + "Keeping db/other-2024-01-13-120000.sqlite3 (keep-last, keep-daily)" + NL)
                .contains("Removing old backup: db/default-2024-01-13-060000.sqlite3")
                .contains("Running: ");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aNameIsNeverReadAsAPattern() throws Exception {
        workspace.writeConfig("db:\n  date-format: \"yyyy-MM-dd-HH'?'\"\n  cleanup-keep: 1\n", "");
        backup("default-2024-02-01-06?.sqlite3", "2024-02-01T06:00:00Z");
        backup("default-2024-02-02-06?.sqlite3", "2024-02-02T06:00:00Z");
        backup("default-2024-02-01-06x.sqlite3", "2024-02-01T06:00:00Z");

        CliRun run = cleanup("cleanup");

        assertThat(run.out()).contains("Removing old backup: db/default-2024-02-01-06?.sqlite3");
        assertThat(run.exitCode()).isZero();
        assertThat(workspace.remoteFiles())
                .contains("db/default-2024-02-02-06?.sqlite3", "db/default-2024-02-01-06x.sqlite3")
                .doesNotContain("db/default-2024-02-01-06?.sqlite3");
    }

    @Test
    void anUnreachableRemoteFailsTheRunAndNothingIsDeleted() throws Exception {
        workspace.writeConfig("db:\n  cleanup-keep: 1\n", "");
        rclone = workspace.script(
                "unreachable-rclone",
                "echo \"$1\" >> '" + calls + "'\n"
                        + "if [ \"$1\" = lsjson ]; then\n"
                        + "  echo 'Failed to lsjson: dial tcp 127.0.0.1:22: connect: connection refused' >&2\n"
                        + "  exit 1\n"
                        + "fi\n"
                        + "exec rclone \"$@\"");
        List<String> before = workspace.remoteFiles();

        CliRun run = cleanup("cleanup");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("connection refused")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("Removing");
        assertThat(workspace.remoteFiles()).isEqualTo(before);
        assertThat(rcloneCalls()).containsExactly("lsjson");
    }

    @Test
    void allWithADatabaseIsAUsageError() throws Exception {
        CliRun run = cleanup("cleanup", "--all", "-d", "default");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--all and --database cannot be used together");
        assertThat(rcloneCalls()).isEmpty();
    }

    @Test
    void anUnknownDatabaseIsAConfigurationErrorBeforeAnythingRuns() throws Exception {
        List<String> before = workspace.remoteFiles();

        CliRun run = cleanup("cleanup", "-d", "default", "-d", "reports");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Database 'reports' is not configured under databases (configured: default).");
        assertThat(rcloneCalls()).isEmpty();
        assertThat(workspace.remoteFiles()).isEqualTo(before);
    }

    @Test
    void retentionBesideCleanupKeepIsAConfigurationErrorNamingBoth() throws Exception {
        workspace.writeConfig("db:\n  cleanup-keep: 3\n  retention: {keep-daily: 7}\n", "");

        CliRun run = cleanup("cleanup");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("db.retention and db.cleanup-keep are both set");
        assertThat(rcloneCalls()).isEmpty();
    }
}
