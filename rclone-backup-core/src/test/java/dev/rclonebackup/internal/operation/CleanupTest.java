package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.CleanupResult;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.DatabaseCleanup;
import dev.rclonebackup.DatabaseCleanup.KeptBackup;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.RetentionPolicy;
import dev.rclonebackup.settings.RetentionPolicy.Rule;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** cleanup and dbbackup --clean applying db.retention, against a real rclone local-folder remote. */
@Timeout(120)
class CleanupTest extends SqliteOperationTest {
    private static final Instant NOW = Instant.parse("2024-01-15T12:00:00Z");

    private Path db;

    @BeforeEach
    void backupsOfTwoDatabases() throws IOException {
        db = Files.createDirectories(remote.resolve("db"));
        // default: two a day on the 10th to the 14th, at 06:00 and 18:00.
        for (int day = 10; day <= 14; day++) {
            backup("default-2024-01-" + day + "-060000.sqlite3");
            backup("default-2024-01-" + day + "-180000.sqlite3");
        }
        backup("other-2024-01-13-120000.sqlite3");
        backup("other-2024-01-14-120000.sqlite3");
        aged("default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa", NOW.minusSeconds(25 * 3600));
        aged("default-2024-01-15-115959.sqlite3.partial-bbbbbbbbbbbb", NOW.minusSeconds(60));
        aged("notes.txt", Instant.parse("2020-01-01T00:00:00Z"));
    }

    /** A backup whose modification time is the time in its name. */
    private void backup(String name) throws IOException {
        String time = name.replaceAll(".*-(\\d{4}-\\d\\d-\\d\\d)-(\\d\\d)(\\d\\d)(\\d\\d)\\..*", "$1T$2:$3:$4Z");
        aged(name, Instant.parse(time));
    }

    private void aged(String name, Instant modified) throws IOException {
        Path file = db.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private List<String> remoteFiles() throws IOException {
        try (Stream<Path> files = Files.list(db)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Settings.Builder twoDatabases() {
        return settings()
                .database(
                        "other",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name(database.toString())
                                .build());
    }

    private long rcloneCalls() {
        return reporter.lines.stream()
                .filter(line -> line.startsWith("detail: Running: rclone "))
                .count();
    }

    @Test
    void appliesThePolicyToEveryConfiguredDatabaseInOneListingAndOneDeletion() throws Exception {
        Settings settings =
                twoDatabases().retention(new RetentionPolicy(1, 0, 3, 0, 0, 0)).build();

        CleanupResult result = backups(settings, NOW).cleanup(List.of(), false);

        assertThat(remoteFiles())
                .containsExactly(
                        "default-2024-01-12-180000.sqlite3",
                        "default-2024-01-13-180000.sqlite3",
                        "default-2024-01-14-180000.sqlite3",
                        "default-2024-01-15-115959.sqlite3.partial-bbbbbbbbbbbb",
                        "notes.txt",
                        "other-2024-01-13-120000.sqlite3",
                        "other-2024-01-14-120000.sqlite3");
        assertThat(result.dryRun()).isFalse();
        assertThat(result.databases()).extracting(DatabaseCleanup::database).containsExactly("default", "other");
        DatabaseCleanup first = result.databases().get(0);
        assertThat(first.kept())
                .containsExactly(
                        new KeptBackup(
                                "db/default-2024-01-14-180000.sqlite3", EnumSet.of(Rule.NEWEST, Rule.LAST, Rule.DAILY)),
                        new KeptBackup("db/default-2024-01-13-180000.sqlite3", EnumSet.of(Rule.DAILY)),
                        new KeptBackup("db/default-2024-01-12-180000.sqlite3", EnumSet.of(Rule.DAILY)));
        assertThat(first.removedBackups())
                .hasSize(7)
                .startsWith("db/default-2024-01-14-060000.sqlite3", "db/default-2024-01-13-060000.sqlite3")
                .endsWith("db/default-2024-01-10-060000.sqlite3");
        assertThat(first.removedPartials())
                .containsExactly("db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa");
        assertThat(result.databases().get(1).removed()).isEmpty();
        assertThat(reporter.lines)
                .contains(
                        "Removing old backup: db/default-2024-01-14-060000.sqlite3",
                        "Removing stale partial upload: db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa",
                        "detail: Keeping db/default-2024-01-14-180000.sqlite3 (newest, keep-last, keep-daily)",
                        "detail: Keeping db/other-2024-01-13-120000.sqlite3 (keep-daily)");
        assertThat(rcloneCalls()).as("one listing, one deletion").isEqualTo(2);
    }

    @Test
    void aDryRunSaysWhatWouldGoAndChangesNothing() throws Exception {
        List<String> before = remoteFiles();

        CleanupResult result =
                backups(twoDatabases().cleanupKeep(2).build(), NOW).cleanup(List.of("default"), true);

        assertThat(remoteFiles()).isEqualTo(before);
        assertThat(result.dryRun()).isTrue();
        assertThat(result.removed()).hasSize(9).contains("db/default-2024-01-10-060000.sqlite3");
        assertThat(reporter.lines)
                .contains(
                        "Would remove: db/default-2024-01-13-180000.sqlite3",
                        "Would remove stale partial upload: db/default-2024-01-01-000000.sqlite3.partial-aaaaaaaaaaaa")
                .noneMatch(line -> line.startsWith("Removing"));
        assertThat(rcloneCalls()).as("the listing only").isEqualTo(1);
    }

    @Test
    void onlyTheGivenDatabasesAreCleanedUp() throws Exception {
        backups(twoDatabases().cleanupKeep(1).build(), NOW).cleanup(List.of("other", "other"), false);

        assertThat(remoteFiles())
                .hasSize(14)
                .doesNotContain("other-2024-01-13-120000.sqlite3")
                .contains("other-2024-01-14-120000.sqlite3", "default-2024-01-10-060000.sqlite3");
    }

    @Test
    void anUnknownDatabaseIsAConfigurationErrorBeforeAnythingRuns() throws Exception {
        List<String> before = remoteFiles();

        assertThatThrownBy(() -> backups(twoDatabases().cleanupKeep(1).build(), NOW)
                        .cleanup(List.of("default", "reports"), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Database 'reports' is not configured under databases (configured: default, other).");

        assertThat(remoteFiles()).isEqualTo(before);
        assertThat(rcloneCalls()).isZero();
    }

    @Test
    void dbbackupCleanAppliesTheSameRetentionPolicy() throws Exception {
        Settings settings =
                settings().retention(new RetentionPolicy(0, 0, 2, 0, 0, 0)).build();

        DbBackupResult result = backups(settings, NOW).dbBackup("default", true);

        assertThat(remoteFiles())
                .containsExactly(
                        "default-2024-01-14-180000.sqlite3",
                        "default-2024-01-15-115959.sqlite3.partial-bbbbbbbbbbbb",
                        "default-2024-01-15-120000.sqlite3",
                        "notes.txt",
                        "other-2024-01-13-120000.sqlite3",
                        "other-2024-01-14-120000.sqlite3");
        assertThat(result.removed()).hasSize(10);
    }
}
