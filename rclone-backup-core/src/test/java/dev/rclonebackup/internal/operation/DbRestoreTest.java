package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** dbrestore against a real SQLite database and a real rclone local-folder remote. */
@Timeout(120)
class DbRestoreTest extends SqliteOperationTest {
    private static final String ROWS = "SELECT id, quote(body), amount, hex(data) FROM note ORDER BY id;";

    @Test
    void restoresTheNewestBackupByModificationTimeRowForRow() throws Exception {
        String original = SqliteFile.sql(database, ROWS);
        String older = backups(settings().build(), Instant.parse("2024-01-15T12:00:00Z"))
                .dbBackup("default", false)
                .path();
        SqliteFile.sql(database, "INSERT INTO note (body) VALUES ('added later');");
        String newer = backups(settings().build(), Instant.parse("2024-01-14T12:00:00Z"))
                .dbBackup("default", false)
                .path();
        // The backup named for the 14th was written last: modification time decides.
        Files.setLastModifiedTime(remote.resolve(older), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        SqliteFile.sql(database, "DELETE FROM note; DROP TABLE note; CREATE TABLE other (x);");

        DbRestoreResult result =
                backups(settings().build(), Instant.now()).dbRestore(null, null, RestoreConfirmation.ALWAYS);

        assertThat(result.path()).isEqualTo(newer);
        assertThat(result.cancelled()).isFalse();
        assertThat(SqliteFile.sql(database, ROWS)).isEqualTo(original + "\n3|'added later'||");
        assertThat(SqliteFile.sql(database, "SELECT name FROM sqlite_master WHERE name = 'other';"))
                .isEmpty();
        assertThat(reporter.lines)
                .contains("Restoring database 'default' from " + newer, "Restore completed from: " + newer);
        assertThat(listener.events).endsWith("pre-db-restore default " + newer, "post-db-restore default");
        assertThat(leftovers()).containsExactly("app.sqlite3");
    }

    @Test
    void restoresTheGivenInputPath() throws Exception {
        String first = backups(settings().build(), Instant.parse("2024-01-15T12:00:00Z"))
                .dbBackup("default", false)
                .path();
        SqliteFile.sql(database, "DELETE FROM note;");
        backups(settings().build(), Instant.parse("2024-01-16T12:00:00Z")).dbBackup("default", false);

        backups(settings().build(), Instant.now())
                .dbRestore("default", "default-2024-01-15-120000.sqlite3", RestoreConfirmation.ALWAYS);

        assertThat(first).isEqualTo("db/default-2024-01-15-120000.sqlite3");
        assertThat(SqliteFile.sql(database, "SELECT count(*) FROM note;")).isEqualTo("2");
    }

    @Test
    void aDeclinedConfirmationChangesNothing() throws Exception {
        backups(settings().build(), Instant.parse("2024-01-15T12:00:00Z")).dbBackup("default", false);
        SqliteFile.sql(database, "DELETE FROM note;");
        List<String> asked = new ArrayList<>();

        DbRestoreResult result = backups(settings().build(), Instant.now()).dbRestore(null, null, (db, path) -> {
            asked.add(db + " " + path);
            return false;
        });

        assertThat(result.cancelled()).isTrue();
        assertThat(asked).containsExactly("default db/default-2024-01-15-120000.sqlite3");
        assertThat(SqliteFile.sql(database, "SELECT count(*) FROM note;")).isEqualTo("0");
        assertThat(listener.events).doesNotContain("pre-db-restore default db/default-2024-01-15-120000.sqlite3");
    }

    @Test
    void aBrokenBackupFailsAndLeavesTheDatabaseExactlyAsItWas() throws Exception {
        Path db = Files.createDirectories(remote.resolve("db"));
        Files.writeString(
                db.resolve("default-2024-01-15-120000.sqlite3"),
                "CREATE TABLE note (id INTEGER PRIMARY KEY);\nINSERT INTO note VALUES (1);\nTHIS IS NOT SQL;\n");
        String before = SqliteFile.sql(database, ROWS);

        assertThatThrownBy(() ->
                        backups(settings().build(), Instant.now()).dbRestore(null, null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageStartingWith(
                        "Restore of database 'default' from db/default-2024-01-15-120000.sqlite3 failed: sqlite3")
                .hasMessageContaining("syntax error");

        assertThat(SqliteFile.sql(database, ROWS)).isEqualTo(before);
        assertThat(leftovers()).containsExactly("app.sqlite3");
    }

    @Test
    void noBackupsIsAClearFailure() {
        assertThatThrownBy(() -> backups(settings().build(), Instant.now())
                        .dbRestore("default", null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage("No backups found for database 'default'")
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.OPERATION_FAILED));
    }

    @Test
    void aMissingInputPathIsNamed() {
        assertThatThrownBy(() -> backups(settings().build(), Instant.now())
                        .dbRestore("default", "default-2020-01-01-000000.sqlite3", RestoreConfirmation.ALWAYS))
                .hasMessageContaining("No backup db/default-2020-01-01-000000.sqlite3 found");
    }

    @Test
    void theDatabaseMayBeOmittedOnlyWhenThereIsOne() {
        Settings two = settings()
                .database(
                        "analytics",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name(dir.resolve("a.sqlite3").toString())
                                .build())
                .build();

        assertThatThrownBy(() -> backups(two, Instant.now()).dbRestore(null, null, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("default, analytics")
                .hasMessageContaining("--database")
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.USAGE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../default-2024-01-15-120000.sqlite3",
                "/etc/passwd",
                "sub/./default-2024-01-15-120000.sqlite3",
                "sub//default-2024-01-15-120000.sqlite3",
                "sub\\default-2024-01-15-120000.sqlite3",
                "default-2024-01-15-120000.sqlite3\u0000",
                "other:default-2024-01-15-120000.sqlite3",
                "analytics-2024-01-15-120000.sqlite3",
                "",
            })
    void refusesInputPathsBeforeRunningAnything(String path) {
        assertThatThrownBy(() -> backups(settings().build(), Instant.now())
                        .dbRestore("default", path, RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageStartingWith("Invalid input path")
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.USAGE));
        assertThat(reporter.all()).doesNotContain("Running:");
    }

    @Test
    void refusesOverlongInputPaths() {
        String path = "a/".repeat(600) + "default-2024-01-15-120000.sqlite3";

        assertThatThrownBy(() -> backups(settings().build(), Instant.now())
                        .dbRestore("default", path, RestoreConfirmation.ALWAYS))
                .hasMessageContaining("longer than 1024");
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("remote"))
                    .sorted()
                    .toList();
        }
    }
}
