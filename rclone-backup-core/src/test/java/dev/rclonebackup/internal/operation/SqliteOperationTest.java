package dev.rclonebackup.internal.operation;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared set-up of the operation tests: a real SQLite database {@code default} and a real rclone
 * local-folder remote in a temporary folder, with recorded messages and events.
 */
abstract class SqliteOperationTest {
    @TempDir
    Path dir;

    Path remote;
    Path database;
    final RecordingReporter reporter = new RecordingReporter();
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void createDatabaseAndRemote() throws Exception {
        remote = Files.createDirectories(dir.resolve("remote"));
        database = SqliteFile.create(dir.resolve("app.sqlite3"));
    }

    Settings.Builder settings() {
        return Settings.builder()
                .remote(remote.toString())
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name(database.toString())
                                .build());
    }

    /** The facade at a fixed time, with the recording reporter and listener and the given extra connectors. */
    RcloneBackup backups(Settings settings, Instant now, Connector... connectors) {
        RcloneBackup.Builder builder = RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .listener(listener)
                .serviceLoaderListeners(false)
                .clock(Clock.fixed(now, ZoneOffset.UTC));
        for (Connector connector : connectors) {
            builder.connector(connector);
        }
        return builder.load();
    }
}
