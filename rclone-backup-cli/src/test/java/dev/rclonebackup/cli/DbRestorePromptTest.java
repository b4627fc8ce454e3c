package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbrestore's confirmation through the whole command line, against a real SQLite database and a local remote. */
class DbRestorePromptTest {
    private static final Pattern BACKUP_PATH = Pattern.compile("Backup completed: (db/default-\\S+\\.sqlite3)");

    @TempDir
    Path directory;

    private Workspace workspace;
    private String backupPath;

    @BeforeEach
    void backUpThenChangeTheDatabase() throws Exception {
        workspace = new Workspace(directory);
        workspace.sql("CREATE TABLE note(text TEXT); INSERT INTO note VALUES ('backed up');");
        CliRun backup = workspace.run("dbbackup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Matcher matcher = BACKUP_PATH.matcher(backup.out());
        assertThat(matcher.find()).as(backup.out()).isTrue();
        backupPath = matcher.group(1);
        workspace.sql("INSERT INTO note VALUES ('added later');");
    }

    @Test
    void yesRestores() throws Exception {
        CliRun run = workspace.runWithInput("yes\n", "dbrestore");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Restore database 'default' from '" + backupPath + "'? [y/N] ")
                .contains("Restore completed from: " + backupPath);
        assertThat(workspace.sql("SELECT group_concat(text) FROM note;")).isEqualTo("backed up");
    }

    @Test
    void noCancelsWithoutChangingAnything() throws Exception {
        CliRun run = workspace.runWithInput("no\n", "dbrestore");

        assertCancelled(run);
    }

    @Test
    void emptyAnswerCancels() throws Exception {
        CliRun run = workspace.runWithInput("\n", "dbrestore", "-i", backupPath.substring("db/".length()));

        assertCancelled(run);
    }

    @Test
    void endOfInputIsAUsageErrorSuggestingNoinput() throws Exception {
        CliRun run = workspace.runWithInput("", "dbrestore");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ").contains("--noinput").doesNotContain("\tat ");
        assertThat(workspace.sql("SELECT count(*) FROM note;")).isEqualTo("2");
    }

    @Test
    void noinputRestoresWithoutAsking() throws Exception {
        CliRun run = workspace.runWithInput("", "dbrestore", "--noinput");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("[y/N]").contains("Restore completed from: " + backupPath);
        assertThat(workspace.sql("SELECT count(*) FROM note;")).isEqualTo("1");
    }

    private void assertCancelled(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("[y/N] Restore cancelled." + System.lineSeparator());
        assertThat(workspace.sql("SELECT count(*) FROM note;")).isEqualTo("2");
    }
}
