package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbbackup --all and repeated -d through the whole command line, against real sqlite3 and rclone. */
class DbBackupSeveralTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path directory;

    private Workspace workspace;
    private Path hookLog;

    /** default (app.sqlite3), broken (a file that does not exist) and analytics, in that order, and a hook. */
    @BeforeEach
    void createWorkspace() throws Exception {
        workspace = new Workspace(directory);
        workspace.sql("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        Path analytics = directory.resolve("analytics.sqlite3");
        new ProcessBuilder("sqlite3", analytics.toString(), "CREATE TABLE a(y);")
                .inheritIO()
                .start()
                .waitFor();
        hookLog = directory.resolve("hooks.log");
        Path hook = workspace.script(
                "record.sh", "echo \"$RCLONE_BACKUP_EVENT $RCLONE_BACKUP_DATABASE\" >> '" + hookLog + "'");
        workspace.writeConfig(
                String.join(
                        "\n",
                        "  broken:",
                        "    engine: sqlite",
                        "    name: " + directory.resolve("missing.sqlite3"),
                        "  analytics:",
                        "    engine: sqlite",
                        "    name: " + analytics,
                        "hooks:",
                        "  pre-db-backup: [\"" + hook + "\"]",
                        "  post-db-backup: [\"" + hook + "\"]"),
                "");
    }

    @Test
    void allBacksUpEveryDatabasePastAFailureAndEndsWithTheSummary() throws Exception {
        CliRun run = workspace.run("dbbackup", "--all");

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> files = workspace.remoteFiles();
        assertThat(files).hasSize(2);
        String analytics = files.get(0);
        String app = files.get(1);
        assertThat(analytics).matches("db/analytics-.*\\.sqlite3");
        assertThat(app).matches("db/default-.*\\.sqlite3");
        assertThat(run.out())
                .startsWith("Backing up database 'default' to " + app + NL + "Backup completed: " + app + NL
                        + "Backing up database 'broken' to db/broken-")
                .endsWith(
                        "Backing up database 'analytics' to " + analytics + NL + "Backup completed: " + analytics + NL);
        assertThat(run.err())
                .isEqualTo("Error: SQLite database file " + directory.resolve("missing.sqlite3")
                        + " of database 'broken' does not exist." + NL
                        + "Backup failed for 1 of 3 databases: broken" + NL);
        assertThat(Files.readAllLines(hookLog))
                .containsExactly(
                        "pre-db-backup default",
                        "post-db-backup default",
                        "pre-db-backup broken",
                        "pre-db-backup analytics",
                        "post-db-backup analytics");
    }

    @Test
    void repeatedDatabaseOptionsBackUpThoseInTheGivenOrder() throws Exception {
        CliRun run = workspace.run("dbbackup", "-d", "analytics", "--database", "default", "-d", "analytics");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(workspace.remoteFiles())
                .satisfiesExactly(
                        file -> assertThat(file).startsWith("db/analytics-"),
                        file -> assertThat(file).startsWith("db/default-"));
        assertThat(Files.readAllLines(hookLog))
                .containsExactly(
                        "pre-db-backup analytics",
                        "post-db-backup analytics",
                        "pre-db-backup default",
                        "post-db-backup default");
    }

    @Test
    void failuresAreShownAtVerbosityZeroToo() throws Exception {
        CliRun run = workspace.run("dbbackup", "-d", "broken", "-d", "default", "-v", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("Error: SQLite database file ")
                .endsWith(NL + "Backup failed for 1 of 2 databases: broken" + NL);
        assertThat(workspace.remoteFiles()).singleElement().asString().startsWith("db/default-");
    }

    @Test
    void anUnknownDatabaseAmongSeveralIsAConfigurationErrorBeforeAnythingRuns() throws Exception {
        CliRun run = workspace.run("dbbackup", "-d", "default", "-d", "analytcs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("Error: Database 'analytcs' is not configured under databases "
                        + "(configured: default, broken, analytics)." + NL);
        assertThat(workspace.remoteFiles()).isEmpty();
        assertThat(hookLog).doesNotExist();
    }

    @Test
    void allWithDatabaseIsAUsageError() throws Exception {
        CliRun run = workspace.run("dbbackup", "--all", "-d", "default");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Error: --all and --database cannot be used together" + NL);
        assertThat(workspace.remoteFiles()).isEmpty();
    }

    @Test
    void oneDatabaseFailingAloneEndsWithItsOwnErrorOnly() throws Exception {
        CliRun run = workspace.run("dbbackup", "-d", "broken");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("Error: SQLite database file " + directory.resolve("missing.sqlite3")
                        + " of database 'broken' does not exist." + NL);
    }
}
