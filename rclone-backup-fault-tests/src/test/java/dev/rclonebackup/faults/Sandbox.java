package dev.rclonebackup.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One test's installation: a local folder as the rclone remote, a folder of fake tools put first
 * on the child's PATH, an empty rclone.conf (so rclone prints no "config not found" notice) and
 * the {@code rclone-backup.yml} written by {@link #writeConfig}.
 */
final class Sandbox {
    private final Path root;
    private final Path remote;
    private final Path tools;
    private String rcloneBinary = "rclone";
    private List<String> rcloneFlags = List.of();

    Sandbox(Path root) {
        try {
            this.root = root;
            this.remote = Files.createDirectories(root.resolve("remote"));
            this.tools = Files.createDirectories(root.resolve("tools"));
            Files.writeString(root.resolve("rclone.conf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path remote() {
        return remote;
    }

    /** Where database backups land: {@code REMOTE/db}. */
    Path dbFolder() {
        return remote.resolve("db");
    }

    /** The folder put first on the child's PATH, for fake dump and restore tools. */
    Path tools() {
        return tools;
    }

    Path config() {
        return root.resolve("rclone-backup.yml");
    }

    /** Uses {@code binary} as {@code rclone.binary} in configurations written from now on. */
    Sandbox rcloneBinary(String binary) {
        this.rcloneBinary = binary;
        return this;
    }

    /** Uses {@code flags} as {@code rclone.flags} in configurations written from now on. */
    Sandbox rcloneFlags(String... flags) {
        this.rcloneFlags = List.of(flags);
        return this;
    }

    /** Writes a configuration with this remote, the rclone settings, and {@code rest} (YAML at top level). */
    void writeConfig(String rest) {
        String flags = rcloneFlags.stream().map(Sandbox::quoted).collect(Collectors.joining(", "));
        writeRawConfig(String.join(
                "\n",
                "remote: " + quoted(remote.toString()),
                "rclone:",
                "  binary: " + quoted(rcloneBinary),
                "  config: " + quoted(root.resolve("rclone.conf").toString()),
                "  flags: [" + flags + "]",
                rest,
                ""));
    }

    void writeRawConfig(String yaml) {
        try {
            Files.writeString(config(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code databases:} with one SQLite database called {@code default}. */
    static String sqliteDatabase(Path file) {
        return "databases:\n  default:\n    engine: sqlite\n    name: " + quoted(file.toString());
    }

    /** {@code databases:} with one database called {@code default} reached by a JDBC URL. */
    static String urlDatabase(String url, String username, String password) {
        return "databases:\n  default:\n    url: " + quoted(url) + "\n    username: " + quoted(username)
                + "\n    password: " + quoted(password);
    }

    /** A YAML double-quoted scalar; its escapes are JSON's, so any string survives. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Writes an executable shell script {@code name} into the tools folder (first on the child's PATH). */
    Path tool(String name, String body) {
        return script(tools.resolve(name), body);
    }

    /** Writes an executable shell script at {@code file}. */
    static Path script(Path file, String body) {
        try {
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the remote, relative to it, sorted. */
    List<String> remoteFiles() {
        if (!Files.exists(remote)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(remote)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> remote.relativize(file).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files under the remote whose names are finished backups (not partial uploads). */
    List<String> finishedBackups() {
        return remoteFiles().stream()
                .filter(name -> !name.contains(".partial-"))
                .toList();
    }
}
