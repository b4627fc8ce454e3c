package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands through the whole command line, against real rclone with a local folder as remote. */
class EndToEndTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path directory;

    private Workspace workspace;

    @BeforeEach
    void createWorkspace() throws Exception {
        workspace = new Workspace(directory);
        Files.writeString(workspace.media.resolve("photo.jpg"), "not really a photo");
    }

    @Test
    void mediabackupPrintsItsLinesAndExitsZero() throws Exception {
        CliRun run = workspace.run("mediabackup");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("Syncing media from " + workspace.media + " to " + workspace.remote.resolve("media") + NL
                        + "Media backup completed." + NL);
        assertThat(workspace.remoteFiles()).containsExactly("media/photo.jpg");
    }

    @Test
    void verbosityZeroPrintsNothingOnSuccess() throws Exception {
        workspace.sql("CREATE TABLE t(x);");

        CliRun run = workspace.run("dbbackup", "-v", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(workspace.remoteFiles()).singleElement().asString().matches("db/default-.*\\.sqlite3");
    }

    @Test
    void successIsGreenWithForcedColourAndPlainWithNoColorOnATerminal() {
        CliRun forced = workspace.run("mediabackup", "--force-color");
        CliRun noColor = CliRun.builder()
                .terminal()
                .workingDirectory(directory)
                .environment(Map.of("NO_COLOR", "1"))
                .run("mediabackup");

        assertThat(forced.out()).contains("\u001B[32mMedia backup completed.\u001B[39m");
        assertThat(noColor.exitCode()).as(noColor.err()).isZero();
        assertThat(noColor.out()).contains("Media backup completed.").doesNotContain("\u001B");
    }

    @Test
    void failedOperationExitsOneWithOneRedSentence() {
        CliRun run = workspace.run("dbrestore", "--noinput", "--force-color");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("\u001B[31mError: No backups found for database 'default'\u001B[39m" + NL);
    }

    @Test
    void failingPreHookAbortsBeforeAnythingChanges() throws Exception {
        Path hook = workspace.script("refuse.sh", "echo 'maintenance window closed' >&2\nexit 4");
        workspace.writeConfig("hooks:\n  pre-media-backup: [\"" + hook + "\"]", "");

        CliRun run = workspace.run("mediabackup");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("Error: The pre-media-backup hook " + hook
                        + " failed with exit status 4: maintenance window closed" + NL);
        assertThat(workspace.remoteFiles()).isEmpty();
    }

    @Test
    void postBackupHookReceivesTheBackupPath() throws Exception {
        workspace.sql("CREATE TABLE t(x);");
        Path log = directory.resolve("hook.log");
        Path hook = workspace.script(
                "record.sh",
                "echo \"$RCLONE_BACKUP_EVENT $RCLONE_BACKUP_DATABASE $RCLONE_BACKUP_PATH\" > '" + log + "'");
        workspace.writeConfig("hooks:\n  post-db-backup: [\"" + hook + "\"]", "");

        CliRun run = workspace.run("dbbackup");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(log).strip())
                .isEqualTo("post-db-backup default " + workspace.remoteFiles().get(0));
    }

    @Test
    void listbackupsPrintsTheTableWhateverTheVerbosity() throws Exception {
        workspace.sql("CREATE TABLE t(x);");
        assertThat(workspace.run("dbbackup").exitCode()).isZero();

        CliRun run = workspace.run("listbackups", "-v", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Name ").contains("-".repeat(87) + NL + "default-");
    }

    @Test
    void unexpectedFailureIsOneSentenceWithATracebackHint() throws Exception {
        workspace.writeConfig("connectors:\n  default: " + ExplodingConnector.class.getName(), "");

        CliRun run = workspace.run("dbbackup");
        CliRun traced = workspace.run("dbbackup", "--traceback");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("Error: unexpected IllegalStateException: connector exploded"
                        + " (run again with --traceback to see where it happened)" + NL);
        assertThat(traced.exitCode()).isEqualTo(1);
        assertThat(traced.err())
                .startsWith("Error: unexpected IllegalStateException: connector exploded" + NL)
                .contains("\tat " + ExplodingConnector.class.getName());
        assertThat(workspace.remoteFiles()).isEmpty();
    }
}
