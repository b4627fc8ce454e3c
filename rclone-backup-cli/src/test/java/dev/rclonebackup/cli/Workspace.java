package dev.rclonebackup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway installation for end-to-end runs: a local folder as the rclone remote, a media
 * folder, a SQLite database and an {@code rclone-backup.yml} pointing at them.
 */
final class Workspace {
    final Path root;
    final Path remote;
    final Path media;
    final Path database;
    final Path config;

    Workspace(Path root) throws IOException {
        this.root = root;
        this.remote = Files.createDirectories(root.resolve("remote"));
        this.media = Files.createDirectories(root.resolve("media"));
        this.database = root.resolve("app.sqlite3");
        this.config = root.resolve("rclone-backup.yml");
        Files.writeString(root.resolve("rclone.conf"), "");
        writeConfig("", "");
    }

    /** Writes the configuration with extra top-level YAML (e.g. {@code hooks:}) and rclone flags. */
    Workspace writeConfig(String extraYaml, String rcloneFlags) throws IOException {
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "remote: " + remote,
                        "rclone:",
                        "  config: " + root.resolve("rclone.conf"),
                        "  flags: [" + rcloneFlags + "]",
                        "media:",
                        "  root: " + media,
                        "databases:",
                        "  default:",
                        "    engine: sqlite",
                        "    name: " + database,
                        extraYaml,
                        ""));
        return this;
    }

    /** Runs SQL against the SQLite database with the sqlite3 tool. */
    String sql(String statements) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sqlite3", database.toString(), statements)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("sqlite3 failed: " + output);
        }
        return output;
    }

    /** Writes an executable shell script and returns its path. */
    Path script(String name, String body) throws IOException {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Files under the remote, relative to it, sorted. */
    List<String> remoteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(remote)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> remote.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    CliRun run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs with {@code stdin} as standard input. */
    CliRun runWithInput(String stdin, String... args) {
        return CliRun.builder()
                .stdin(stdin)
                .environment(Map.of())
                .workingDirectory(root)
                .run(args);
    }
}
