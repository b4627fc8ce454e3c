package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.internal.process.PipelineResult;
import dev.rclonebackup.settings.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQLite restore keeps of the live file: its permissions, and a symbolic link as a link.
 * The connector contract itself runs in rclone-backup-test-support.
 */
class SqliteConnectorTest {
    @TempDir
    Path databaseFolder;

    @TempDir
    Path remoteFolder;

    private static DatabaseSettings file(Path file) {
        return DatabaseSettings.builder().engine("sqlite").name(file.toString()).build();
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute(sql);
        }
    }

    private void backUp(Path file, String name) throws Exception {
        ConfiguredDatabase configured = ConfiguredDatabase.of(file(file));
        PipelineResult result =
                RcloneSteps.backup(configured.connector().dump(configured.database()), remoteFolder.resolve(name));
        assertThat(result.rootCause()).as("backup").isEmpty();
    }

    private PipelineResult restore(Path file, String name) throws Exception {
        ConfiguredDatabase configured = ConfiguredDatabase.of(file(file));
        return RcloneSteps.restore(configured.connector().restore(configured.database()), remoteFolder.resolve(name));
    }

    @Test
    void theRestoredFileKeepsTheLiveFilesPermissions() throws Exception {
        Path file = databaseFolder.resolve("app-1.sqlite3");
        execute(file, "CREATE TABLE kept (id INTEGER PRIMARY KEY)");
        backUp(file, "backup");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(restore(file, "backup").succeeded()).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        try (var files = Files.list(databaseFolder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsRestored() throws Exception {
        Path target = databaseFolder.resolve("app-1.sqlite3");
        execute(target, "CREATE TABLE replaced (id INTEGER PRIMARY KEY)");
        Path link = databaseFolder.resolve("link.sqlite3");
        Files.createSymbolicLink(link, target);
        Path source = databaseFolder.resolve("app-2.sqlite3");
        execute(source, "CREATE TABLE other (id INTEGER PRIMARY KEY)");
        backUp(source, "other");

        assertThat(restore(link, "other").succeeded()).isTrue();

        assertThat(link).isSymbolicLink();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target);
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString(1)).isEqualTo("other");
            assertThat(tables.next()).isFalse();
        }
    }
}
