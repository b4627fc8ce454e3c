package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/rclone-backup}: builds when needed, keeps stdout clean, follows symlinks, passes the exit status. */
class LauncherTest {
    @TempDir
    Path directory;

    private LauncherSandbox sandbox;
    private Path elsewhere;

    @BeforeEach
    void createSandbox() throws IOException {
        sandbox = new LauncherSandbox(Files.createDirectories(directory.resolve("repository")));
        elsewhere = Files.createDirectories(directory.resolve("elsewhere"));
    }

    @Test
    void firstRunBuildsThenRunsWithTheBuildOutputOnStderr() throws Exception {
        Result result = run(sandbox.launcher, "--version");

        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.out).startsWith("rclone-backup " + System.getProperty("project.version") + "\n");
        assertThat(result.err).contains("building the command line").contains("[INFO] compiling 42 source files");
        assertThat(sandbox.builds())
                .containsExactly(sandbox.root + " -q -B -DskipTests -pl rclone-backup-cli -am package");
    }

    @Test
    void upToDateJarIsRunWithoutBuilding() throws Exception {
        run(sandbox.launcher, "--version");

        Result second = run(sandbox.launcher, "--version");

        assertThat(second.exitCode).isZero();
        assertThat(second.err).isEmpty();
        assertThat(sandbox.builds()).hasSize(1);
    }

    @Test
    void changedSourceOrPomTriggersARebuild() throws Exception {
        run(sandbox.launcher, "--version");

        Files.setLastModifiedTime(sandbox.source, FileTime.from(Instant.now().plusSeconds(5)));
        run(sandbox.launcher, "--version");
        Files.setLastModifiedTime(
                sandbox.root.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(10)));
        run(sandbox.launcher, "--version");

        assertThat(sandbox.builds()).hasSize(3);
    }

    @Test
    void worksThroughASymlinkFromAnyDirectory() throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("rb"), sandbox.launcher);

        Result result = run(link, "--version");

        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.out).startsWith("rclone-backup ");
        assertThat(sandbox.builds()).singleElement().asString().startsWith(sandbox.root + " ");
    }

    @Test
    void commandRunsInTheCallersWorkingDirectory() throws Exception {
        Files.writeString(elsewhere.resolve("rclone-backup.yml"), "no-such-setting: 1\n");

        Result result = run(sandbox.launcher, "listbackups");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("no-such-setting");
    }

    @Test
    void exitStatusOfTheCommandIsPassedOn() throws Exception {
        Result result = run(sandbox.launcher, "dbbackup", "--verbosity", "9");

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("Error: Invalid value for option '--verbosity'");
    }

    @Test
    void failedBuildStopsWithAMessage() throws Exception {
        sandbox.mavenWrapper("echo '[ERROR] compilation failure' >&2\nexit 1");

        Result result = run(sandbox.launcher, "--version");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err).contains("[ERROR] compilation failure").contains("the build failed");
    }

    private Result run(Path launcher, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = sandbox.processBuilder(launcher, args).directory(elsewhere.toFile());
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("launcher finished")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {}
}
