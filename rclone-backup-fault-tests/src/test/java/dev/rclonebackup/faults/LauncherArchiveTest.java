package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing archive, made from the real packaged command line: it is
 * trained on first use, then the classes of a command (picocli's old-format class files
 * included) come from it; when it cannot be made, commands run without it. An installed copy
 * (lib/rclone-backup.jar beside bin/) keeps its archive in the user's cache folder instead.
 */
class LauncherArchiveTest {
    private static final List<String> CLASSES_OF_EVERY_COMMAND = List.of(
            "dev.rclonebackup.cli.Main",
            "dev.rclonebackup.shaded.picocli.CommandLine",
            "tools.jackson.dataformat.yaml.YAMLFactory",
            "dev.rclonebackup.internal.rclone.Rclone",
            "java.lang.ProcessBuilder");

    @TempDir
    Path directory;

    private Path launcher;
    private Path target;
    private Path workingDirectory;

    @BeforeEach
    void installLauncherBesideThePackagedJar() throws IOException {
        Path root = directory.resolve("install");
        launcher = Files.createDirectories(root.resolve("bin")).resolve("rclone-backup");
        Files.copy(Path.of("..", "bin", "rclone-backup"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        target = Files.createDirectories(root.resolve("rclone-backup-cli/target"));
        Files.copy(Cli.jar(), target.resolve("rclone-backup.jar"));
        workingDirectory = Files.createDirectories(directory.resolve("work"));
        Path remote = Files.createDirectories(directory.resolve("remote/db"));
        Files.writeString(remote.resolve("default-2026-01-02-030405.sqlite3"), "x");
        Files.writeString(workingDirectory.resolve("rclone-backup.yml"), "remote: \"" + remote.getParent() + "\"\n");
    }

    @Test
    void firstRunTrainsTheArchiveAndLaterRunsLoadTheirClassesFromIt() throws Exception {
        assertThat(run("listbackups", "").output()).contains("default-2026-01-02-030405.sqlite3");
        assertThat(target.resolve("rclone-backup.jsa")).isNotEmptyFile();

        Run traced = run("listbackups", "-Xlog:class+load");

        assertThat(traced.exitCode()).isZero();
        for (String name : CLASSES_OF_EVERY_COMMAND) {
            assertThat(traced.output())
                    .as(name)
                    .containsPattern("(?m)^\\S+ " + name.replace(".", "\\.") + " source: shared objects file");
        }
        // Every class a listing needs, picocli's included, comes from the archive: none is read from the jar.
        assertThat(traced.output()).doesNotContainPattern("source: (file|jar):");
    }

    @Test
    void withoutAWritableFolderForTheArchiveCommandsRunWithoutIt() throws Exception {
        try (Mounts mounts = new Mounts()) {
            if (!mounts.readOnly(target)) {
                Files.setPosixFilePermissions(
                        target, PosixFilePermissions.fromString("r-xr-xr-x")); // enough when not root
            }

            Run run = run("listbackups", "-Xlog:class+load");

            assertThat(run.exitCode()).isZero();
            assertThat(run.output())
                    .contains("default-2026-01-02-030405.sqlite3")
                    .doesNotContain("dev.rclonebackup.cli.Main source: shared objects file");
            assertThat(target.resolve("rclone-backup.jsa")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anInstalledCopyKeepsItsArchiveInTheCacheFolderAndNeverWritesIntoItself() throws Exception {
        Path installation = installedCopy();
        Path cache = directory.resolve("cache");
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_OPTS", "-Xlog:class+load");

        Run first = run(installation.resolve("bin/rclone-backup"), environment, "listbackups");
        Run second = run(installation.resolve("bin/rclone-backup"), environment, "listbackups");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.output())
                .contains("default-2026-01-02-030405.sqlite3")
                .containsPattern("(?m)^\\S+ dev\\.rclonebackup\\.cli\\.Main source: shared objects file");
        try (Stream<Path> archives = Files.list(cache.resolve("rclone-backup"))) {
            assertThat(archives.filter(file -> file.toString().endsWith(".jsa")))
                    .singleElement()
                    .satisfies(archive -> assertThat(archive).isNotEmptyFile());
        }
        try (Stream<Path> files = Files.walk(installation)) {
            assertThat(files.map(installation::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("", "bin", "bin/rclone-backup", "lib", "lib/rclone-backup.jar");
        }
    }

    @Test
    void anInstalledCopySaysSoWhenThereIsNoJava() throws Exception {
        Path installation = installedCopy();
        Path emptyPath = Files.createDirectories(directory.resolve("no-java"));
        ProcessBuilder builder = new ProcessBuilder(
                        "/bin/bash", installation.resolve("bin/rclone-backup").toString(), "--version")
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", emptyPath.toString());
        builder.environment().put("HOME", directory.toString());

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output)
                .isEqualTo(
                        "rclone-backup: no Java runtime found: JAVA_HOME is not set and there is no java on the PATH."
                                + " Install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.\n");
    }

    /** The layout of a release archive: bin/rclone-backup and lib/rclone-backup.jar. */
    private Path installedCopy() throws IOException {
        Path installation = directory.resolve("installed");
        Path bin = Files.createDirectories(installation.resolve("bin"));
        Files.copy(
                Path.of("..", "bin", "rclone-backup"),
                bin.resolve("rclone-backup"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(
                Cli.jar(), Files.createDirectories(installation.resolve("lib")).resolve("rclone-backup.jar"));
        return installation;
    }

    private Run run(Path launcherPath, Map<String, String> environment, String command)
            throws IOException, InterruptedException {
        Path output = directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(launcherPath.toString(), command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("RCLONE_BACKUP_CLASSPATH");
        builder.environment().remove("RCLONE_BACKUP_CONFIG");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("launcher finished").isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private Run run(String command, String javaOptions) throws IOException, InterruptedException {
        Path output = directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("RCLONE_BACKUP_CLASSPATH");
        builder.environment().remove("RCLONE_BACKUP_CONFIG");
        builder.environment().put("JAVA_OPTS", javaOptions);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("launcher finished").isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {}
}
