package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.faults.ServerDatabase.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 2: restoring a truncated backup or a file of random bytes fails with exit status 1
 * and a message naming the file and what the restore tool said. PostgreSQL, SQLite and MariaDB
 * data stay as they were.
 */
class BadBackupTest {
    private static final String RANDOM_NAME = "default-2020-01-01-000000.";

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Cli cli;

    @BeforeEach
    void setUp() {
        sandbox = new Sandbox(directory);
        cli = new Cli(sandbox);
    }

    @Test
    void truncatedPostgresqlBackupFailsAndKeepsTheData() throws IOException {
        ServerDatabase database = postgresql();
        String name = backUp();
        truncateToHalf(name);
        database.execute("DELETE FROM item WHERE id > 50");
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "pg_restore exited with status 1");
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void randomBytesAsPostgresqlBackupFailAndKeepTheData() throws IOException {
        ServerDatabase database = postgresql();
        String before = database.content();
        String name = writeRandomBackup("dump");

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "pg_restore exited with status 1");
        assertThat(outcome.stderr()).contains("does not appear to be a valid archive");
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void sqliteBackupTruncatedMidStatementFailsAndKeepsTheData() throws IOException {
        SqliteDatabase database = sqlite();
        String name = backUp();
        truncateToHalf(name);
        database.sql("DELETE FROM item WHERE id > 50;");
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "sqlite3 exited with status 1");
        assertThat(database.content()).isEqualTo(before);
    }

    /** A cut at a line boundary leaves valid statements but no COMMIT: sqlite3 rolls back and exits 0. */
    @Test
    void sqliteBackupTruncatedAtALineBoundaryFailsAndKeepsTheData() throws IOException {
        SqliteDatabase database = sqlite();
        String name = backUp();
        Path file = sandbox.dbFolder().resolve(name);
        String dump = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(
                file, dump.substring(0, dump.lastIndexOf('\n', dump.length() / 2) + 1), StandardCharsets.UTF_8);
        database.sql("DELETE FROM item WHERE id > 50;");
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "sqlite3");
        assertThat(outcome.stderr()).contains("no committed data");
        assertThat(database.content()).isEqualTo(before);
    }

    /**
     * As documented: indistinguishable from a backup cut before its COMMIT, so refused the same
     * way. (A user_version other than 0 would be restored, and the restore accepted.)
     */
    @Test
    void sqliteBackupOfADatabaseWithoutTablesIsRefusedAsDocumented() {
        SqliteDatabase empty = new SqliteDatabase(directory.resolve("empty.sqlite3"));
        empty.sql("CREATE TABLE t(x); DROP TABLE t;");
        sandbox.writeConfig(Sandbox.sqliteDatabase(empty.file()));
        String name = backUp();
        SqliteDatabase database = sqlite();
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "sqlite3 restored no committed data");
        assertThat(database.content()).isEqualTo(before);
    }

    @Test
    void randomBytesAsSqliteBackupFailAndKeepTheData() throws IOException {
        SqliteDatabase database = sqlite();
        String before = database.content();
        String name = writeRandomBackup("sqlite3");

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "sqlite3 exited with status 1");
        assertThat(database.content()).isEqualTo(before);
    }

    /**
     * A MariaDB restore goes into a scratch database and is swapped in only when it succeeded, so a
     * truncated backup fails and leaves the data as it was, with no scratch database left behind.
     */
    @Test
    void truncatedMariadbBackupFailsAndKeepsTheData() throws IOException {
        ServerDatabase database = mariadb();
        String name = backUp();
        truncateToHalf(name);
        database.execute("DELETE FROM item WHERE id > 50");
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "mysql exited with status 1");
        assertThat(database.content()).isEqualTo(before);
        assertThat(database.scratchDatabases()).isEmpty();
    }

    /** Cut at a line boundary, every statement is valid: the missing end of mysqldump's output gives it away. */
    @Test
    void mariadbBackupTruncatedAtALineBoundaryFailsAndKeepsTheData() throws IOException {
        ServerDatabase database = mariadb();
        String name = backUp();
        Path file = sandbox.dbFolder().resolve(name);
        String dump = Files.readString(file, StandardCharsets.ISO_8859_1);
        Files.writeString(
                file, dump.substring(0, dump.lastIndexOf('\n', dump.length() / 2) + 1), StandardCharsets.ISO_8859_1);
        database.execute("DELETE FROM item WHERE id > 50");
        String before = database.content();

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "cut short");
        assertThat(database.content()).isEqualTo(before);
        assertThat(database.scratchDatabases()).isEmpty();
    }

    /** As documented: random bytes fail at the first statement, before anything is changed. */
    @Test
    void randomBytesAsMariadbBackupFailAndChangeNothing() throws IOException {
        ServerDatabase database = mariadb();
        String before = database.content();
        String name = writeRandomBackup("sql");

        Outcome outcome = cli.run("dbrestore", "--noinput", "--input-path", name);

        assertFailedNaming(outcome, name, "mysql exited with status 1");
        assertThat(database.content()).isEqualTo(before);
    }

    private ServerDatabase postgresql() {
        ServerDatabase database = ServerDatabase.create(Engine.POSTGRESQL, "bad-backup-password", 5_000);
        sandbox.writeConfig(database.configBlock());
        return database;
    }

    private ServerDatabase mariadb() {
        ServerDatabase database = ServerDatabase.create(Engine.MARIADB, "bad-backup-password", 5_000);
        sandbox.writeConfig(database.configBlock());
        return database;
    }

    private SqliteDatabase sqlite() {
        SqliteDatabase database = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 5_000);
        sandbox.writeConfig(Sandbox.sqliteDatabase(database.file()));
        return database;
    }

    /** Backs up the configured database and returns the backup's name under db/. */
    private String backUp() {
        Outcome outcome = cli.run("dbbackup");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(sandbox.finishedBackups()).hasSize(1);
        return Path.of(sandbox.finishedBackups().get(0)).getFileName().toString();
    }

    private void truncateToHalf(String name) throws IOException {
        Path file = sandbox.dbFolder().resolve(name);
        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length / 2));
    }

    private String writeRandomBackup(String extension) throws IOException {
        byte[] noise = new byte[64 * 1024];
        new SecureRandom().nextBytes(noise);
        Files.createDirectories(sandbox.dbFolder());
        Files.write(sandbox.dbFolder().resolve(RANDOM_NAME + extension), noise);
        return RANDOM_NAME + extension;
    }

    private static void assertFailedNaming(Outcome outcome, String name, String toolError) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .as(outcome.toString())
                .contains("Restore of database 'default' from db/" + name + " failed")
                .contains(toolError)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }
}
