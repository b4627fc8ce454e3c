package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The common options given before the command's name work as they do after it. */
class GlobalOptionsTest {
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
    void verbosityBeforeTheCommand() throws Exception {
        CliRun before = workspace.run("-v", "2", "mediabackup", "--dry-run");
        CliRun after = workspace.run("mediabackup", "--dry-run", "-v", "2");
        CliRun silent = workspace.run("--verbosity", "0", "mediabackup");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).isEqualTo(after.out()).contains("rclone");
        assertThat(before.out())
                .isNotEqualTo(workspace.run("mediabackup", "--dry-run").out());
        assertThat(silent.exitCode()).as(silent.err()).isZero();
        assertThat(silent.out()).isEmpty();
        assertThat(workspace.remoteFiles()).containsExactly("media/photo.jpg");
    }

    @Test
    void quietIsVerbosityZeroBeforeOrAfterTheCommand() throws Exception {
        for (String[] args :
                new String[][] {{"-q", "mediabackup"}, {"mediabackup", "-q"}, {"--quiet", "mediabackup"}}) {
            CliRun run = workspace.run(args);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEmpty();
        }
        assertThat(workspace.remoteFiles()).containsExactly("media/photo.jpg");
        assertThat(workspace.run("-q", "listbackups", "--media").out()).contains("photo.jpg");
    }

    @Test
    void configBeforeTheCommand() throws Exception {
        Files.move(workspace.config, directory.resolve("other.yml"));

        CliRun before = workspace.run("--config", "other.yml", "mediabackup");
        CliRun after = workspace.run("mediabackup", "--config=other.yml");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).isEqualTo(after.out()).endsWith("Media backup completed." + NL);
        assertThat(workspace.run("mediabackup").exitCode()).isEqualTo(2);
    }

    @Test
    void colourOptionsBeforeTheCommand() {
        CliRun forced = workspace.run("--force-color", "mediabackup");
        CliRun noColor = CliRun.builder()
                .terminal()
                .workingDirectory(directory)
                .environment(Map.of())
                .run("--no-color", "mediabackup");

        assertThat(forced.out()).contains("\u001B[32mMedia backup completed.\u001B[39m");
        assertThat(noColor.exitCode()).as(noColor.err()).isZero();
        assertThat(noColor.out()).contains("Media backup completed.").doesNotContain("\u001B");
    }

    @Test
    void tracebackBeforeTheCommand() throws Exception {
        workspace.writeConfig("connectors:\n  default: " + ExplodingConnector.class.getName(), "");

        CliRun traced = workspace.run("--traceback", "dbbackup");

        assertThat(traced.exitCode()).isEqualTo(1);
        assertThat(traced.err())
                .startsWith("Error: unexpected IllegalStateException: connector exploded" + NL)
                .contains("\tat " + ExplodingConnector.class.getName());
    }

    @Test
    void allBeforeTheCommandWithTheCommandsOwnOptionsAfter() throws Exception {
        workspace.sql("CREATE TABLE t(x);");
        Files.move(workspace.config, directory.resolve("other.yml"));

        CliRun run = workspace.run(
                "--config",
                "other.yml",
                "-v",
                "0",
                "--no-color",
                "--traceback",
                "dbbackup",
                "--database",
                "default",
                "--clean");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(workspace.remoteFiles()).singleElement().asString().matches("db/default-.*\\.sqlite3");
    }
}
