package dev.rclonebackup.faults;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data sharing archive, made from the real packaged command line: it is
 * trained on first use, then the classes of a command (picocli's old-format class files
 * included) come from it; when it cannot be made, commands run without it.
 */
class LauncherArchiveTest {
    private static final List<String> CLASSES_OF_EVERY_COMMAND = List.of(
            "dev.rclonebackup.cli.Main", "picocli.CommandLine", "tools.jackson.dataformat.yaml.YAMLFactory",
            "dev.rclonebackup.rclone.Rclone", "java.lang.ProcessBuilder");

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
            assertThat(traced.output()).as(name).containsPattern("(?m)^\\S+ " + name.replace(".", "\\.") + " source: shared objects file");
        }
        // Every class a listing needs, picocli's included, comes from the archive: none is read from the jar.
        assertThat(traced.output()).doesNotContainPattern("source: (file|jar):");
    }

    @Test
    void withoutAWritableFolderForTheArchiveCommandsRunWithoutIt() throws Exception {
        try (Mounts mounts = new Mounts()) {
            if (!mounts.readOnly(target)) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x")); // enough when not root
            }

            Run run = run("listbackups", "-Xlog:class+load");

            assertThat(run.exitCode()).isZero();
            assertThat(run.output()).contains("default-2026-01-02-030405.sqlite3")
                    .doesNotContain("dev.rclonebackup.cli.Main source: shared objects file");
            assertThat(target.resolve("rclone-backup.jsa")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
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

    private record Run(int exitCode, String output) {
    }
}
