package dev.rclonebackup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackupEventTest {

    static Stream<Arguments> everyEvent() {
        return Stream.of(
                Arguments.of(new BackupEvent.BeforeDbBackup("app"), "pre-db-backup", "app", null),
                Arguments.of(new BackupEvent.AfterDbBackup("app", "db/a.dump"), "post-db-backup", "app", "db/a.dump"),
                Arguments.of(new BackupEvent.BeforeDbRestore("app", "db/a.dump"), "pre-db-restore", "app", "db/a.dump"),
                Arguments.of(new BackupEvent.AfterDbRestore("app"), "post-db-restore", "app", null),
                Arguments.of(new BackupEvent.BeforeMediaBackup(), "pre-media-backup", null, null),
                Arguments.of(new BackupEvent.AfterMediaBackup(), "post-media-backup", null, null),
                Arguments.of(new BackupEvent.BeforeMediaRestore(), "pre-media-restore", null, null),
                Arguments.of(new BackupEvent.AfterMediaRestore(), "post-media-restore", null, null),
                Arguments.of(
                        new BackupEvent.DbBackupFailed("app", "db/app-1.dump", "it broke"),
                        "db-backup-failed",
                        "app",
                        "db/app-1.dump"),
                Arguments.of(
                        new BackupEvent.DbRestoreFailed("app", "db/app-1.dump", "it broke"),
                        "db-restore-failed",
                        "app",
                        "db/app-1.dump"),
                Arguments.of(new BackupEvent.MediaBackupFailed("it broke"), "media-backup-failed", null, null),
                Arguments.of(new BackupEvent.MediaRestoreFailed("it broke"), "media-restore-failed", null, null));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEvent")
    void eachRecordHasItsIdDatabaseAndPath(BackupEvent event, String id, String database, String path) {
        assertThat(event.type().id()).isEqualTo(id);
        assertThat(BackupEvent.Type.byId(id)).contains(event.type());
        assertThat(event.database()).isEqualTo(database);
        assertThat(event.path()).isEqualTo(path);
        assertThat(event.error()).isEqualTo(event.type().isFailure() ? "it broke" : null);
        assertThat(event.type().isFailure()).isEqualTo(id.endsWith("-failed"));
    }

    @Test
    void everyTypeHasExactlyOneRecord() {
        List<BackupEvent.Type> covered = everyEvent()
                .map(arguments -> ((BackupEvent) arguments.get()[0]).type())
                .toList();

        assertThat(covered).containsExactlyElementsOf(Arrays.asList(BackupEvent.Type.values()));
        assertThat(BackupEvent.class.getPermittedSubclasses()).hasSize(BackupEvent.Type.values().length);
    }

    @Test
    void idsAreTheHookNamesInOrder() {
        assertThat(BackupEvent.Type.ids())
                .containsExactly(
                        "pre-db-backup",
                        "post-db-backup",
                        "pre-db-restore",
                        "post-db-restore",
                        "pre-media-backup",
                        "post-media-backup",
                        "pre-media-restore",
                        "post-media-restore",
                        "db-backup-failed",
                        "db-restore-failed",
                        "media-backup-failed",
                        "media-restore-failed");
        assertThat(BackupEvent.Type.byId("after-backup")).isEmpty();
    }
}
