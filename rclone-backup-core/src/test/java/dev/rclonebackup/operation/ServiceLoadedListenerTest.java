package dev.rclonebackup.operation;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLoadedListenerTest {
    @TempDir
    Path dir;

    private RcloneBackup.Builder facade() throws Exception {
        Settings settings = Settings.builder().remote(dir.resolve("remote").toString())
                .database("default", DatabaseSettings.builder().engine("sqlite")
                        .name(SqliteFile.create(dir.resolve("app.sqlite3")).toString()).build())
                .build();
        return RcloneBackup.configure().settings(settings)
                .clock(Clock.fixed(Instant.parse("2024-01-15T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void listenersListedInMetaInfServicesAreCalledBeforeRegisteredOnes() throws Exception {
        ServiceLoadedListener.EVENTS.clear();
        BackupListener registered = new BackupListener() {
            @Override
            public void beforeDbBackup(String database) {
                ServiceLoadedListener.EVENTS.add("registered " + database);
            }
        };

        facade().listener(registered).load().dbBackup("default", false);

        assertThat(ServiceLoadedListener.EVENTS).containsExactly(
                "pre-db-backup default", "registered default",
                "post-db-backup default db/default-2024-01-15-120000.sqlite3");
    }

    @Test
    void serviceLoaderDiscoveryCanBeTurnedOff() throws Exception {
        ServiceLoadedListener.EVENTS.clear();

        facade().serviceLoaderListeners(false).load().dbBackup("default", false);

        assertThat(ServiceLoadedListener.EVENTS).isEmpty();
    }
}
