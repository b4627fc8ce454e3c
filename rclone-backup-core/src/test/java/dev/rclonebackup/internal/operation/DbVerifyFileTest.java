package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbVerifyResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** dbverify of the file databases (SQLite, H2) through the facade, with the real sqlite3 and H2. */
@Timeout(120)
class DbVerifyFileTest {
    @TempDir
    Path remote;

    @TempDir
    Path data;

    final RecordingReporter reporter = new RecordingReporter();

    @Test
    void sqliteBackupIsRestoredIntoATemporaryFileCheckedCountedAndDeleted() throws Exception {
        Path file = data.resolve("app.sqlite3");
        SqliteFile.sql(file, """
                CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
                INSERT INTO note (body) SELECT 'note ' || i FROM n;
                CREATE TABLE tag (name TEXT);
                INSERT INTO tag VALUES ('a'), ('b');
                CREATE TABLE empty_table (x);
                CREATE VIEW note_bodies AS SELECT body FROM note;
                CREATE INDEX note_body ON note (body);
                """);
        RcloneBackup backups = backups(sqlite(file));
        String backup = backups.dbBackup("default", false).path();
        byte[] before = Files.readAllBytes(file);
        List<Path> temporaryBefore = verifyFolders();

        DbVerifyResult result = backups.dbVerify("default", null);

        assertThat(result.tables()).isEqualTo(3);
        assertThat(result.rows()).isEqualTo(42);
        assertThat(reporter.lines).contains("Verify completed: " + backup + " restores cleanly (3 tables, 42 rows)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> beside = Files.list(data)) {
            assertThat(beside).containsExactly(file);
        }
        assertThat(Path.of(result.scratch())).doesNotExist();
        assertThat(verifyFolders()).isEqualTo(temporaryBefore);
    }

    @Test
    void garbageNamedAsAnSqliteBackupFailsAndLeavesNoScratchFile() throws Exception {
        Path file = SqliteFile.create(data.resolve("app.sqlite3"));
        RcloneBackup backups = backups(sqlite(file));
        Path stored = remote.resolve(backups.dbBackup("default", false).path());
        Files.writeString(stored, "this is not SQL at all\n", StandardCharsets.UTF_8);
        List<Path> temporaryBefore = verifyFolders();

        assertThatThrownBy(() -> backups.dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageStartingWith("Verify of db/")
                .hasMessageContaining("sqlite3")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.OPERATION_FAILED);

        assertThat(verifyFolders()).isEqualTo(temporaryBefore);
    }

    @Test
    void sqliteBackupThatRestoresButFailsTheIntegrityCheckFailsWithItsOutput() throws Exception {
        Path file = SqliteFile.create(data.resolve("app.sqlite3"));
        RcloneBackup backups = backups(sqlite(file));
        Path stored = remote.resolve(backups.dbBackup("default", false).path());
        // Restores without an error, but the row breaks the table's CHECK constraint.
        Files.writeString(stored, """
                PRAGMA ignore_check_constraints=ON;
                BEGIN TRANSACTION;
                CREATE TABLE amount (value INTEGER CHECK (value > 0));
                INSERT INTO amount VALUES (-1);
                COMMIT;
                """);
        List<Path> temporaryBefore = verifyFolders();

        assertThatThrownBy(() -> backups.dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageEndingWith(
                        "failed: PRAGMA integrity_check on the restored file reported: CHECK constraint failed in amount")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.OPERATION_FAILED);

        assertThat(verifyFolders()).isEqualTo(temporaryBefore);
    }

    @Test
    void h2BackupIsRestoredIntoATemporaryDatabaseCountedAndDeleted() throws Exception {
        String url = "jdbc:h2:" + data.resolve("app") + ";MODE=PostgreSQL";
        try (Connection c = DriverManager.getConnection(url, "sa", "s3cret-pw");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(20))");
            s.execute("INSERT INTO item SELECT X, 'item ' || X FROM SYSTEM_RANGE(1, 9)");
            s.execute("CREATE SCHEMA audit");
            s.execute("CREATE TABLE audit.entry (id INT)");
            s.execute("INSERT INTO audit.entry VALUES (1), (2), (3)");
        }
        RcloneBackup backups = backups(DatabaseSettings.builder()
                .url(url)
                .username("sa")
                .password("s3cret-pw")
                .build());
        String backup = backups.dbBackup("default", false).path();
        List<Path> temporaryBefore = verifyFolders();

        DbVerifyResult result = backups.dbVerify("default", null);

        assertThat(result.tables()).isEqualTo(2);
        assertThat(result.rows()).isEqualTo(12);
        assertThat(reporter.lines).contains("Verify completed: " + backup + " restores cleanly (2 tables, 12 rows)");
        assertThat(verifyFolders()).isEqualTo(temporaryBefore);
        try (Connection c = DriverManager.getConnection(url, "sa", "s3cret-pw");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM item")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(9);
        }
    }

    @Test
    void connectorWithoutVerificationSaysItIsNotSupported() {
        RcloneBackup backups = backups(
                DatabaseSettings.builder().url("mongodb://127.0.0.1:1/app").build());

        assertThatThrownBy(() -> backups.dbVerify("default", null))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage(
                        "Database 'default' uses the mongodb connector, which cannot verify backups (not supported).")
                .extracting(e -> ((RcloneBackupException) e).errorCode())
                .isEqualTo(ErrorCode.USAGE);
    }

    private static List<Path> verifyFolders() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("rclone-backup-verify-"))
                    .sorted()
                    .toList();
        }
    }

    private static DatabaseSettings sqlite(Path file) {
        return DatabaseSettings.builder().engine("sqlite").name(file.toString()).build();
    }

    private RcloneBackup backups(DatabaseSettings database) {
        Settings settings = Settings.builder()
                .remote(remote.toString())
                .database("default", database)
                .build();
        return RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .serviceLoaderListeners(false)
                .load();
    }
}
