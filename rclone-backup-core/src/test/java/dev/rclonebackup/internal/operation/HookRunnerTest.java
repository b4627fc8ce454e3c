package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks run for real: a shell script records the environment it was given. */
class HookRunnerTest {
    @TempDir
    Path directory;

    private Path record;
    private Path log;

    @BeforeEach
    void writeRecordingScript() throws IOException {
        log = directory.resolve("events.log");
        record = script(
                "record.sh",
                "printf '%s|%s|%s|%s\\n' \"$RCLONE_BACKUP_EVENT\" \"$RCLONE_BACKUP_DATABASE\" \"$RCLONE_BACKUP_PATH\" \"$1\" >> '"
                        + log + "'");
    }

    @Test
    void everyEventRunsItsHookWithTheEventDatabaseAndPath() throws IOException {
        Map<String, List<String>> hooks = new LinkedHashMap<>();
        BackupEvent.Type.ids().forEach(event -> hooks.put(event, List.of(record.toString(), "arg-" + event)));
        HookRunner listener = new HookRunner(hooks, Reporter.SILENT, Redactor.POSITIONAL);

        listener.on(new BackupEvent.BeforeDbBackup("default"));
        listener.on(new BackupEvent.AfterDbBackup("default", "db/default-2024-01-15-120000.dump"));
        listener.on(new BackupEvent.BeforeDbRestore("analytics", "db/analytics-2024-01-15-120000.sqlite3"));
        listener.on(new BackupEvent.AfterDbRestore("analytics"));
        listener.on(new BackupEvent.BeforeMediaBackup());
        listener.on(new BackupEvent.AfterMediaBackup());
        listener.on(new BackupEvent.BeforeMediaRestore());
        listener.on(new BackupEvent.AfterMediaRestore());

        assertThat(Files.readAllLines(log))
                .containsExactly(
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
        HookRunner listener = new HookRunner(
                Map.of("post-db-backup", List.of(record.toString())), Reporter.SILENT, Redactor.POSITIONAL);

        listener.on(new BackupEvent.BeforeDbBackup("default"));
        listener.on(new BackupEvent.AfterMediaBackup());

        assertThat(log).doesNotExist();
    }

    @Test
    void failingHookNamesTheEventAndQuotesItsError() throws IOException {
        Path failing =
                script("failing.sh", "echo 'checking disk' >&2\necho 'backup volume is not mounted' >&2\nexit 3");
        HookRunner listener = new HookRunner(
                Map.of("pre-db-backup", List.of(failing.toString())), Reporter.SILENT, Redactor.POSITIONAL);

        assertThatThrownBy(() -> listener.on(new BackupEvent.BeforeDbBackup("default")))
                .isInstanceOfSatisfying(
                        RcloneBackupException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED))
                .hasMessage("The pre-db-backup hook " + failing + " failed with exit status 3: "
                        + "checking disk / backup volume is not mounted");
    }

    @Test
    void missingHookCommandIsAClearFailure() {
        HookRunner listener = new HookRunner(
                Map.of("post-media-restore", List.of(directory + "/absent")), Reporter.SILENT, Redactor.POSITIONAL);

        assertThatThrownBy(() -> listener.on(new BackupEvent.AfterMediaRestore()))
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
        new HookRunner(
                        Map.of("pre-media-backup", List.of("sh", "-c", "echo out; echo err >&2")),
                        reporter,
                        Redactor.POSITIONAL)
                .on(new BackupEvent.BeforeMediaBackup());

        assertThat(seen.toString()).contains("sh: out\n").contains("sh: err\n");
    }

    private Path script(String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
