package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code backups} endpoint lists what {@code listbackups --json} lists, field for field. */
class BackupsEndpointTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void readingListsEachBackupWithItsDatabasePathSizeAndUtcTimeNewestFirst() throws Exception {
        Path db = Files.createDirectories(rclone.plainRemote().resolve("db"));
        stored(db.resolve("default-2024-01-14-120000.sqlite3"), "older", "2024-01-14T12:00:00.750Z");
        stored(db.resolve("default-2024-01-15-120000.sqlite3"), "newest", "2024-01-15T12:00:00.250Z");
        stored(db.resolve("default-2024-01-16-120000.sqlite3.partial-abcdefabcdef"), "partial", "2024-01-16T12:00:00Z");
        RcloneBackup backups = RcloneBackup.configure()
                .settings(Settings.builder()
                        .remote(rclone.plainRemote().toString())
                        .database(
                                "default",
                                DatabaseSettings.builder()
                                        .engine("sqlite")
                                        .name(folder.resolve("app.sqlite3").toString())
                                        .build())
                        .build())
                .serviceLoaderListeners(false)
                .load();

        BackupsEndpoint.Listing listing =
                new BackupsEndpoint(new RcloneBackupOperations(backups, BackupMetrics.NONE)).backups();

        assertThat(listing.backups())
                .containsExactly(
                        new BackupsEndpoint.Entry(
                                "default",
                                "default-2024-01-15-120000.sqlite3",
                                "db/default-2024-01-15-120000.sqlite3",
                                6,
                                "2024-01-15T12:00:00Z"),
                        new BackupsEndpoint.Entry(
                                "default",
                                "default-2024-01-14-120000.sqlite3",
                                "db/default-2024-01-14-120000.sqlite3",
                                5,
                                "2024-01-14T12:00:00Z"));
    }

    private static void stored(Path file, String content, String modified) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }
}
