package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLoadedListenerTest {
    @TempDir
    Path dir;

    private RcloneBackup.Builder facade() throws Exception {
        Settings settings = Settings.builder()
                .remote(dir.resolve("remote").toString())
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name(SqliteFile.create(dir.resolve("app.sqlite3"))
                                        .toString())
                                .build())
                .build();
        return RcloneBackup.configure()
                .settings(settings)
                .clock(Clock.fixed(Instant.parse("2024-01-15T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void listenersListedInMetaInfServicesAreCalledBeforeRegisteredOnes() throws Exception {
        ServiceLoadedListener.EVENTS.clear();
        BackupListener registered = event -> {
            if (event instanceof BackupEvent.BeforeDbBackup before) {
                ServiceLoadedListener.EVENTS.add("registered " + before.database());
            }
        };

        facade().listener(registered).load().dbBackup("default", false);

        assertThat(ServiceLoadedListener.EVENTS)
                .containsExactly(
                        "pre-db-backup default",
                        "registered default",
                        "post-db-backup default db/default-2024-01-15-120000.sqlite3");
    }

    @Test
    void serviceLoaderDiscoveryCanBeTurnedOff() throws Exception {
        ServiceLoadedListener.EVENTS.clear();

        facade().serviceLoaderListeners(false).load().dbBackup("default", false);

        assertThat(ServiceLoadedListener.EVENTS).isEmpty();
    }

    @Test
    void listenersAreLookedUpAtTheFirstEventNotWhenListing() throws Exception {
        RcloneBackup backups = facade().load();
        int before = ServiceLoadedListener.INSTANCES.get();

        backups.listBackups(null);
        assertThat(ServiceLoadedListener.INSTANCES.get()).as("after listing").isEqualTo(before);

        backups.dbBackup("default", false);
        assertThat(ServiceLoadedListener.INSTANCES.get())
                .as("looked up once for a backup's two events")
                .isEqualTo(before + 1);
    }

    @Test
    void aListedListenerThatCannotBeLoadedStopsTheOperationBeforeItStarts() throws Exception {
        Path services = Files.createDirectories(dir.resolve("classes/META-INF/services"));
        Files.writeString(services.resolve(BackupListener.class.getName()), "com.example.MissingListener\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, original)) {
            thread.setContextClassLoader(loader);
            RcloneBackup backups = facade().load();
            thread.setContextClassLoader(original); // the loader in effect when the facade was built counts

            assertThatThrownBy(() -> backups.dbBackup("default", false))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("META-INF/services/" + BackupListener.class.getName())
                    .hasMessageContaining("com.example.MissingListener");
        } finally {
            thread.setContextClassLoader(original);
        }
        assertThat(Files.exists(dir.resolve("remote/db")))
                .as("nothing uploaded")
                .isFalse();
    }
}
