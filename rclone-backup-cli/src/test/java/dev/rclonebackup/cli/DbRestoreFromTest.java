package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbrestore --from through the whole command line: production ({@code default}) restored into
 * staging, against real SQLite databases and a local remote.
 */
class DbRestoreFromTest {
    private static final String NL = System.lineSeparator();
    private static final Pattern BACKUP_PATH = Pattern.compile("Backup completed: (db/default-\\S+\\.sqlite3)");

    @TempDir
    Path directory;

    private Workspace workspace;
    private Path staging;
    private String backupPath;

    @BeforeEach
    void backUpProductionAndMakeStagingDiffer() throws Exception {
        workspace = new Workspace(directory);
        staging = directory.resolve("staging.sqlite3");
        workspace.writeConfig(
                String.join(
                        "\n",
                        "  staging:",
                        "    engine: sqlite",
                        "    name: " + staging,
                        "  reports:",
                        "    url: jdbc:h2:file:" + directory.resolve("reports")),
                "");
        workspace.sql("CREATE TABLE note(text TEXT); INSERT INTO note VALUES ('production');");
        sqlite(staging, "CREATE TABLE note(text TEXT); INSERT INTO note VALUES ('staging');");
        CliRun backup = workspace.run("dbbackup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Matcher matcher = BACKUP_PATH.matcher(backup.out());
        assertThat(matcher.find()).as(backup.out()).isTrue();
        backupPath = matcher.group(1);
    }

    @Test
    void thePromptNamesBothDatabasesAndYesRestoresProductionIntoStaging() throws Exception {
        CliRun run = workspace.runWithInput("y\n", "dbrestore", "-d", "staging", "--from", "default");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("Restore database 'staging' from '" + backupPath + "' (a backup of 'default')? [y/N] "
                        + "Restoring database 'staging' from " + backupPath + " (a backup of 'default')" + NL
                        + "Restore completed from: " + backupPath + NL);
        assertThat(sqlite(staging, "SELECT group_concat(text) FROM note;")).isEqualTo("production");
        assertThat(workspace.sql("SELECT group_concat(text) FROM note;")).isEqualTo("production");
    }

    @Test
    void aNamedBackupOfTheSourceIsRestoredWithoutAsking() throws Exception {
        CliRun run = workspace.run(
                "dbrestore", "-d", "staging", "--from", "default", "-i", backupPath.substring(3), "--noinput");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(sqlite(staging, "SELECT group_concat(text) FROM note;")).isEqualTo("production");
    }

    @Test
    void anotherDatabasesBackupWithoutFromIsRefusedSuggestingFrom() throws Exception {
        CliRun run = workspace.run("dbrestore", "-d", "staging", "-i", backupPath.substring(3), "--noinput");

        assertRefused(
                run,
                "Error: Invalid input path '" + backupPath.substring(3) + "': it is a backup of database 'default', "
                        + "not of 'staging'; to restore it into 'staging', add --from default" + NL);
    }

    @Test
    void fromNamingTheTargetIsAUsageError() throws Exception {
        assertRefused(
                workspace.run("dbrestore", "-d", "staging", "--from", "staging", "--noinput"),
                "Error: --from names database 'staging', the one being restored; leave --from out to restore "
                        + "'staging' from its own backups" + NL);
    }

    @Test
    void databasesOfDifferentConnectorsAreAUsageErrorNamingBoth() throws Exception {
        assertRefused(
                workspace.run("dbrestore", "-d", "staging", "--from", "reports", "--noinput"),
                "Error: Cannot restore database 'staging' from a backup of 'reports': 'staging' uses the sqlite "
                        + "connector and 'reports' the h2 connector; both must use the same one" + NL);
    }

    private void assertRefused(CliRun run, String err) throws Exception {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(err);
        assertThat(run.out()).isEmpty();
        assertThat(sqlite(staging, "SELECT group_concat(text) FROM note;")).isEqualTo("staging");
    }

    private static String sqlite(Path file, String sql) throws Exception {
        Process process = new ProcessBuilder("sqlite3", file.toString(), sql)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
