package dev.rclonebackup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A copy of {@code bin/rclone-backup} in a miniature repository whose Maven wrapper only logs
 * its arguments (and prints a line on stdout, which the launcher must keep off its own stdout)
 * before producing the jar. The jar is empty: the classes come from this test's class path
 * through {@code RCLONE_BACKUP_CLASSPATH}, so the launcher runs the code under test.
 */
final class LauncherSandbox {
    static final Path REAL_LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("bin/rclone-backup");

    final Path root;
    final Path launcher;
    final Path jar;
    final Path source;
    final Path buildLog;

    LauncherSandbox(Path root) throws IOException {
        this.root = root;
        this.launcher = root.resolve("bin/rclone-backup");
        this.jar = root.resolve("rclone-backup-cli/target/rclone-backup.jar");
        this.source = root.resolve("rclone-backup-cli/src/main/java/Example.java");
        this.buildLog = root.resolve("mvnw.log");
        Files.createDirectories(launcher.getParent());
        Files.copy(REAL_LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Example {}\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.writeString(root.resolve("rclone-backup-cli/pom.xml"), "<project/>\n");
        for (Path file : List.of(source, root.resolve("pom.xml"), root.resolve("rclone-backup-cli/pom.xml"))) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        }
        Path emptyJar = root.resolve("empty.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(emptyJar), manifest)) {
            jar.setComment("An empty but valid jar.");
        }
        mavenWrapper("echo \"$PWD $*\" >> '" + buildLog + "'\n"
                + "echo '[INFO] compiling 42 source files'\n"
                + "mkdir -p rclone-backup-cli/target && cp '" + emptyJar + "' '" + jar + "'");
    }

    /** Replaces the fake Maven wrapper's body. */
    void mavenWrapper(String body) throws IOException {
        Path wrapper = root.resolve("mvnw");
        Files.writeString(wrapper, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Lines logged by the fake Maven wrapper, one per build. */
    List<String> builds() throws IOException {
        return Files.exists(buildLog) ? Files.readAllLines(buildLog) : List.of();
    }

    /** A process builder for the launcher with the test class path added. */
    ProcessBuilder processBuilder(Path launcherPath, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcherPath.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("RCLONE_BACKUP_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().remove("RCLONE_BACKUP_CONFIG");
        builder.environment().remove("JAVA_OPTS");
        return builder;
    }
}
