package dev.rclonebackup.cli;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hooks run for real: a shell script records the environment it was given. */
class HookListenerTest {
    @TempDir
    Path directory;

    private Path record;
    private Path log;

    @BeforeEach
    void writeRecordingScript() throws IOException {
        log = directory.resolve("events.log");
        record = new Workspace(directory).script("record.sh",
                "printf '%s|%s|%s|%s\\n' \"$RCLONE_BACKUP_EVENT\" \"$RCLONE_BACKUP_DATABASE\" \"$RCLONE_BACKUP_PATH\" \"$1\" >> '"
                        + log + "'");
    }

    @Test
    void everyEventRunsItsHookWithTheEventDatabaseAndPath() throws IOException {
        Map<String, List<String>> hooks = new LinkedHashMap<>();
        HookListener.EVENTS.forEach(event -> hooks.put(event, List.of(record.toString(), "arg-" + event)));
        HookListener listener = new HookListener(hooks, Reporter.SILENT);

        listener.beforeDbBackup("default");
        listener.afterDbBackup("default", "db/default-2024-01-15-120000.dump");
        listener.beforeDbRestore("analytics", "db/analytics-2024-01-15-120000.sqlite3");
        listener.afterDbRestore("analytics");
        listener.beforeMediaBackup();
        listener.afterMediaBackup();
        listener.beforeMediaRestore();
        listener.afterMediaRestore();

        assertThat(Files.readAllLines(log)).containsExactly(
                "pre-db-backup|default||arg-pre-db-backup",
                "post-db-backup|default|db/default-2024-01-15-120000.dump|arg-post-db-backup",
                "pre-db-restore|analytics|db/analytics-2024-01-15-120000.sqlite3|arg-pre-db-restore",
                "post-db-restore|analytics||arg-post-db-restore",
                "pre-media-backup|||arg-pre-media-backup",
                "post-media-backup|||arg-post-media-backup",
                "pre-media-restore|||arg-pre-media-restore",
                "post-media-restore|||arg-post-media-restore");
    }

    @Test
    void eventsWithoutAHookRunNothing() {
        HookListener listener = new HookListener(Map.of("post-db-backup", List.of(record.toString())), Reporter.SILENT);

        listener.beforeDbBackup("default");
        listener.afterMediaBackup();

        assertThat(log).doesNotExist();
    }

    @Test
    void failingHookNamesTheEventAndQuotesItsError() throws IOException {
        Path failing = new Workspace(directory).script("failing.sh",
                "echo 'checking disk' >&2\necho 'backup volume is not mounted' >&2\nexit 3");
        HookListener listener = new HookListener(Map.of("pre-db-backup", List.of(failing.toString())), Reporter.SILENT);

        assertThatThrownBy(() -> listener.beforeDbBackup("default"))
                .isInstanceOfSatisfying(RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessage("The pre-db-backup hook " + failing + " failed with exit status 3: "
                        + "checking disk / backup volume is not mounted");
    }

    @Test
    void missingHookCommandIsAClearFailure() {
        HookListener listener = new HookListener(Map.of("post-media-restore", List.of(directory + "/absent")), Reporter.SILENT);

        assertThatThrownBy(listener::afterMediaRestore)
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("post-media-restore hook could not be started")
                .hasMessageContaining(directory + "/absent");
    }

    @Test
    void hookOutputIsToolOutput() {
        StringBuilder seen = new StringBuilder();
        Reporter reporter = new Reporter() {
            @Override
            public void toolOutput(String tool, String line) {
                seen.append(tool).append(": ").append(line).append('\n');
            }
        };
        new HookListener(Map.of("pre-media-backup", List.of("sh", "-c", "echo out; echo err >&2")), reporter).beforeMediaBackup();

        assertThat(seen.toString()).contains("sh: out\n").contains("sh: err\n");
    }

    @Test
    void unknownEventIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> new HookListener(Map.of("after-backup", List.of("true")), Reporter.SILENT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("hooks.after-backup")
                .hasMessageContaining("pre-db-backup");
    }

    @Test
    void emptyCommandIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> new HookListener(Map.of("post-db-backup", List.of()), Reporter.SILENT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("hooks.post-db-backup");
    }
}
