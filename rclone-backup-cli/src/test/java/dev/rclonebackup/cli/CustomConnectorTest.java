package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom connector of docs/connectors.md, for an engine rclone-backup does not ship ({@code directory}),
 * compiled at test time into a jar of its own and run by {@code bin/rclone-backup} with that jar in
 * {@code RCLONE_BACKUP_CLASSPATH}: {@code dbbackup}, a change, {@code dbrestore}, and the directory
 * is back as it was, with real tar and real rclone.
 */
class CustomConnectorTest {
    private static final String ALIAS = "search-index";

    @TempDir
    Path temporary;

    private ReadmeConnectorJar connector;
    private LauncherSandbox sandbox;
    private Path remote;
    private Path index;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        connector = ReadmeConnectorJar.fromReadme();
        sandbox = new LauncherSandbox(Files.createDirectories(temporary.resolve("repository")));
        remote = Files.createDirectories(temporary.resolve("remote"));
        index = Files.createDirectories(temporary.resolve("data/" + ALIAS));
        config = temporary.resolve("rclone-backup.yml");
        Files.writeString(temporary.resolve("rclone.conf"), "");
        Files.createDirectories(index.resolve("segments/2024"));
        Files.writeString(index.resolve("segments/2024/ünï cödé.txt"), "Grüße\n", StandardCharsets.UTF_8);
        Files.write(index.resolve("segments/all-bytes.bin"), allBytes());
        Files.writeString(index.resolve("README"), "kept\n");
    }

    @Test
    void selectedByClassNameForOneDatabase() throws Exception {
        Path jar = connector.build(
                Files.createDirectory(temporary.resolve("build")), temporary.resolve("plain.jar"), false);
        writeConfig("connectors:\n  " + ALIAS + ": " + connector.className);

        backUpChangeAndRestore(jar);
    }

    @Test
    void foundByServiceLoaderAndMappedToAnEngineByItsId() throws Exception {
        Path jar = connector.build(
                Files.createDirectory(temporary.resolve("build")), temporary.resolve("registered.jar"), true);
        writeConfig("connector-mapping:\n  directory: directory");

        backUpChangeAndRestore(jar);
    }

    private void backUpChangeAndRestore(Path jar) throws Exception {
        Map<String, String> original = snapshot(index);

        Result backup = launch(jar, "dbbackup", "--config", config.toString(), "--database", ALIAS);
        assertThat(backup.exitCode).as(backup.err).isZero();
        assertThat(backup.out).contains("Backup completed");
        try (Stream<Path> files = Files.walk(remote)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(file -> remote.relativize(file).toString()))
                    .singleElement()
                    .asString()
                    .matches("db/" + ALIAS + "-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.tar");
        }

        Files.delete(index.resolve("README"));
        Files.writeString(index.resolve("segments/all-bytes.bin"), "overwritten");
        Files.writeString(index.resolve("added-after-the-backup.txt"), "new");
        assertThat(snapshot(index)).isNotEqualTo(original);

        Result restore = launch(jar, "dbrestore", "--config", config.toString(), "--database", ALIAS, "--noinput");
        assertThat(restore.exitCode).as(restore.err).isZero();
        assertThat(snapshot(index)).isEqualTo(original);
        try (Stream<Path> siblings = Files.list(index.getParent())) {
            assertThat(siblings).as("nothing left beside the directory").containsExactly(index);
        }
    }

    private void writeConfig(String connectorYaml) throws IOException {
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "remote: " + remote,
                        "rclone:",
                        "  config: " + temporary.resolve("rclone.conf"),
                        "databases:",
                        "  " + ALIAS + ":",
                        "    engine: directory",
                        "    name: " + index,
                        connectorYaml,
                        ""));
    }

    /** Runs the launcher with the test class path (the application) and {@code jar} in RCLONE_BACKUP_CLASSPATH. */
    private Result launch(Path jar, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = sandbox.processBuilder(sandbox.launcher, args).directory(temporary.toFile());
        Map<String, String> environment = builder.environment();
        environment.put(
                "RCLONE_BACKUP_CLASSPATH", environment.get("RCLONE_BACKUP_CLASSPATH") + File.pathSeparator + jar);
        Path out = temporary.resolve("out.txt");
        Path err = temporary.resolve("err.txt");
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

    /** Every file and folder under {@code root}, by relative path, with the file contents in hex. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                entries.put(
                        root.relativize(path).toString(),
                        Files.isDirectory(path) ? "folder" : HexFormat.of().formatHex(Files.readAllBytes(path)));
            }
        }
        return entries;
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
