package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT and SIGTERM sent to a real launcher process (which execs the JVM) in the middle of an
 * operation: the exit status follows the shell convention and no child process is left behind.
 */
class SignalTest {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private Workspace workspace;
    private LauncherSandbox sandbox;

    @BeforeEach
    void createWorkspaceAndLauncher() throws Exception {
        workspace = new Workspace(Files.createDirectories(directory.resolve("workspace")));
        sandbox = new LauncherSandbox(Files.createDirectories(directory.resolve("repository")));
    }

    @Test
    void sigintDuringAHookEndsItAndExits130() throws Exception {
        Path started = directory.resolve("hook-started");
        Path hook = workspace.script("slow-hook.sh", "touch '" + started + "'\nsleep 120");
        workspace.writeConfig("hooks:\n  pre-media-backup: [\"" + hook + "\"]", "");
        Process process = start("mediabackup");

        awaitOrFail(() -> Files.exists(started), process, "the hook to start");
        List<ProcessHandle> children = process.descendants().toList();
        signal(process, "INT");

        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ended after SIGINT")
                .isTrue();
        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(stderr()).contains("Interrupted");
        assertThat(workspace.remoteFiles()).isEmpty();
    }

    @Test
    void sigtermDuringAStreamedBackupRemovesThePartialUploadAndExits143() throws Exception {
        workspace.sql("CREATE TABLE blob(id INTEGER, data TEXT);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                + " INSERT INTO blob SELECT i, hex(randomblob(64)) FROM n;");
        workspace.writeConfig("", "\"--bwlimit\", \"16k\"");
        Process process = start("dbbackup");

        awaitOrFail(() -> process.descendants().anyMatch(SignalTest::isRcat), process, "rclone rcat to start");
        Thread.sleep(1500);
        List<ProcessHandle> children = process.descendants().toList();
        signal(process, "TERM");

        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ended after SIGTERM")
                .isTrue();
        assertThat(process.exitValue()).isEqualTo(143);
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(workspace.remoteFiles()).isEmpty();
    }

    private Process start(String command) throws IOException {
        return sandbox.processBuilder(sandbox.launcher, command, "--config", workspace.config.toString())
                .directory(workspace.root.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
    }

    private String stderr() throws IOException {
        return Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    private static boolean isRcat(ProcessHandle handle) {
        return handle.info().arguments().map(List::of).orElse(List.of()).contains("rcat");
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
    }

    private void awaitOrFail(BooleanSupplier condition, Process process, String what) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("Gave up waiting for " + what + "; exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + ", stderr: " + stderr());
            }
            Thread.sleep(50);
        }
    }
}
