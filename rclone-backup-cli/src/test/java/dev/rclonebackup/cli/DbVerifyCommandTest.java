package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbverify} through the whole command line, with real sqlite3 and rclone. */
class DbVerifyCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path directory;

    private Workspace workspace;

    @BeforeEach
    void createWorkspace() throws Exception {
        workspace = new Workspace(directory);
        workspace.sql("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"
                + " INSERT INTO note (body) VALUES ('a'), ('b'), ('c');"
                + " CREATE TABLE tag (name TEXT); INSERT INTO tag VALUES ('x');");
    }

    @Test
    void verifiesTheNewestBackupAndPrintsWhatItHolds() throws Exception {
        assertThat(workspace.run("dbbackup").exitCode()).isZero();
        String backup = workspace.remoteFiles().get(0);

        CliRun run = workspace.run("dbverify", "-d", "default");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Verifying " + backup + " of database 'default' in scratch ")
                .endsWith("Verify completed: " + backup + " restores cleanly (2 tables, 4 rows)" + NL);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void namedBackupThatDoesNotRestoreExitsOne() throws Exception {
        assertThat(workspace.run("dbbackup").exitCode()).isZero();
        String backup = workspace.remoteFiles().get(0);
        Files.writeString(workspace.remote.resolve(backup), "CREATE TABLE broken (\n");

        CliRun run = workspace.run("dbverify", "-i", backup.substring("db/".length()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Verify of " + backup + " (database 'default') failed: ");
    }

    @Test
    void connectorThatCannotVerifyExitsTwo() throws Exception {
        workspace.writeConfig("  docs:\n    url: mongodb://127.0.0.1:9/docs", "");

        CliRun run = workspace.run("dbverify", "-d", "docs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("Error: Database 'docs' uses the mongodb connector, which cannot verify backups"
                        + " (not supported)." + NL);
    }

    @Test
    void noBackupExitsOne() {
        CliRun run = workspace.run("dbverify");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: No backups found for database 'default'" + NL);
    }
}
