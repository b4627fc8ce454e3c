package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * db.retries against the real rclone, wrapped by a script that makes {@code rclone rcat} fail the
 * first {@code FAILURES} times (reading its input first, as a dropped connection would).
 */
@Timeout(120)
class DbBackupRetryTest extends SqliteOperationTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");
    private static final Duration SHORT = Duration.ofMillis(100);

    private Path rcatLog;
    private Path failures;
    private Path flakyRclone;

    @BeforeEach
    void flakyRclone() throws IOException {
        rcatLog = dir.resolve("rcat.log");
        failures = dir.resolve("failures-left");
        flakyRclone = dir.resolve("rclone");
        Files.writeString(
                flakyRclone,
                String.join(
                        "\n",
                        "#!/bin/sh",
                        "for argument in \"$@\"; do",
                        "  if [ \"$argument\" = rcat ]; then",
                        "    echo rcat >> '" + rcatLog + "'",
                        "    left=$(cat '" + failures + "' 2>/dev/null || echo 0)",
                        "    if [ \"$left\" -gt 0 ]; then",
                        "      echo $((left - 1)) > '" + failures + "'",
                        "      cat > /dev/null",
                        "      echo \"$(date '+%Y/%m/%d %H:%M:%S') ERROR : Failed to rcat: connection reset by peer\" >&2",
                        "      exit 1",
                        "    fi",
                        "  fi",
                        "done",
                        "exec rclone \"$@\"",
                        ""));
        Files.setPosixFilePermissions(flakyRclone, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Settings.Builder flaky(int failingUploads, int retries) throws IOException {
        Files.writeString(failures, Integer.toString(failingUploads));
        return settings()
                .rcloneBinary(flakyRclone.toString())
                .dbRetries(retries)
                .dbRetryDelay(SHORT);
    }

    private int uploads() throws IOException {
        return Files.exists(rcatLog) ? Files.readAllLines(rcatLog).size() : 0;
    }

    private List<String> remoteFiles() throws IOException {
        if (!Files.isDirectory(remote.resolve("db"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(remote.resolve("db"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedUploadIsTriedAgainFromAFreshDumpAndStoredOnce() throws Exception {
        DbBackupResult result = backups(flaky(1, 2).build(), NOON).dbBackup("default", false);

        assertThat(uploads()).isEqualTo(2);
        assertThat(remoteFiles()).containsExactly("default-2024-01-15-120000.sqlite3");
        assertThat(Files.readString(remote.resolve(result.path()))).contains("CREATE TABLE note");
        assertThat(reporter.lines)
                .containsSubsequence(
                        "Backing up database 'default' to db/default-2024-01-15-120000.sqlite3",
                        "Warning: Upload failed (attempt 1 of 3): Backup of database 'default' to "
                                + "db/default-2024-01-15-120000.sqlite3 failed: " + flakyRclone
                                + " exited with status 1: Failed to rcat: connection reset by peer; retrying in 100ms",
                        "Backing up database 'default' to db/default-2024-01-15-120000.sqlite3",
                        "Backup completed: db/default-2024-01-15-120000.sqlite3");
        assertThat(listener.events).hasSize(2);
    }

    @Test
    void theLastFailureSaysHowManyAttemptsWereMadeAndNothingIsLeft() throws Exception {
        Settings settings = flaky(5, 1).build();

        assertThatThrownBy(() -> backups(settings, NOON).dbBackup("default", false))
                .hasMessageEndingWith("connection reset by peer (attempt 2 of 2)");

        assertThat(uploads()).isEqualTo(2);
        assertThat(remoteFiles()).isEmpty();
    }

    @Test
    void withoutRetriesTheFirstUploadFailureIsTheResult() throws Exception {
        Settings settings = flaky(1, 0).build();

        assertThatThrownBy(() -> backups(settings, NOON).dbBackup("default", false))
                .hasMessageEndingWith("exited with status 1: Failed to rcat: connection reset by peer");

        assertThat(uploads()).isEqualTo(1);
        assertThat(remoteFiles()).isEmpty();
    }

    @Test
    void aDumpFailureIsNeverRetried() throws Exception {
        Files.writeString(database, "this is not a database");
        Settings settings = flaky(0, 3).build();

        assertThatThrownBy(() -> backups(settings, NOON).dbBackup("default", false))
                .hasMessageStartingWith("Backup of database 'default' to db/default-2024-01-15-120000.sqlite3 failed");

        assertThat(uploads()).isEqualTo(1);
        assertThat(reporter.all()).doesNotContain("retrying");
        assertThat(remoteFiles()).isEmpty();
    }
}
