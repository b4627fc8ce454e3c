package dev.rclonebackup.internal.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.RcloneSteps;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.PipelineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * mongodump and mongorestore replaced by fakes that check their arguments and configuration file,
 * streaming through real rclone to a local folder.
 */
@Timeout(60)
class MongodbConnectorTest {
    private static final String PASSWORD = "p@ss:w/rd \"quoted\" \\ back$lash ü ✓";
    private static final String URL =
            "mongodb://url-user:url-pw@db1:27017,db2:27017/shop?replicaSet=rs0&authSource=admin";

    @TempDir
    Path dir;

    private Database shop(Map<String, Object> options) {
        return new Database("shop", "mongodb", null, null, null, "backup", PASSWORD, URL, options);
    }

    private static Path configOf(Step step) {
        String argument = ((Step.Command) step)
                .argv().stream()
                        .filter(a -> a.startsWith("--config="))
                        .findFirst()
                        .orElseThrow();
        return Path.of(argument.substring("--config=".length()));
    }

    private static List<String> arguments(Step step) {
        List<String> argv = ((Step.Command) step).argv();
        return new ArrayList<>(argv.subList(1, argv.size()));
    }

    @Test
    void dumpsAndRestoresThroughRcloneWithThePasswordOnlyInAPrivateConfigFile() throws Exception {
        byte[] archive = new byte[1 << 20];
        new Random(7).nextBytes(archive);
        Path payload = Files.write(dir.resolve("payload"), archive);
        Path mongodump = FakeMongoTools.write(dir, "mongodump", PASSWORD, "cat '" + payload + "'");
        Path mongorestore =
                FakeMongoTools.write(dir, "mongorestore", PASSWORD, "cat > '" + dir.resolve("restored") + "'");
        MongodbConnector connector = new MongodbConnector(mongodump.toString(), mongorestore.toString());
        Database database =
                shop(Map.of("dump-args", List.of("--excludeCollection=logs"), "restore-args", "--stopOnError"));
        Path remote = dir.resolve("remote/shop.archive");

        Dump dump = connector.dump(database);
        Path dumpConfig = configOf(dump.step());
        assertThat(Files.getPosixFilePermissions(dumpConfig)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        PipelineResult backedUp = RcloneSteps.backup(dump, remote);
        Restore restore = connector.restore(database);
        Path restoreConfig = configOf(restore.step());
        PipelineResult restored = RcloneSteps.restore(restore, remote);

        assertThat(backedUp.succeeded()).as("backup: %s", backedUp.rootCause()).isTrue();
        assertThat(restored.succeeded()).as("restore: %s", restored.rootCause()).isTrue();
        assertThat(Files.readAllBytes(remote)).isEqualTo(archive);
        assertThat(Files.readAllBytes(dir.resolve("restored"))).isEqualTo(archive);
        assertThat(Files.readAllLines(dir.resolve("mongodump.args")))
                .isEqualTo(arguments(dump.step()))
                .containsExactly(
                        "--archive",
                        "--config=" + dumpConfig,
                        "--db=shop",
                        "--username=backup",
                        "--authenticationDatabase=admin",
                        "--excludeCollection=logs");
        assertThat(Files.readAllLines(dir.resolve("mongorestore.args")))
                .isEqualTo(arguments(restore.step()))
                .containsExactly(
                        "--archive",
                        "--drop",
                        "--config=" + restoreConfig,
                        "--username=backup",
                        "--authenticationDatabase=admin",
                        "--stopOnError");
        Map<String, String> expectedConfig =
                Map.of("uri", "mongodb://db1:27017,db2:27017/?replicaSet=rs0", "password", PASSWORD);
        assertThat(readConfig(dir.resolve("mongodump.config"))).isEqualTo(expectedConfig);
        assertThat(readConfig(dir.resolve("mongorestore.config"))).isEqualTo(expectedConfig);
        assertThat(dumpConfig).doesNotExist();
        assertThat(restoreConfig).doesNotExist();
    }

    private static Map<String, Object> readConfig(Path file) {
        return JsonMapper.builder().build().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void removesTheConfigFileWhenTheDumpFails() throws Exception {
        Path mongodump = FakeMongoTools.write(
                dir,
                "mongodump",
                PASSWORD,
                "echo 'Failed: error connecting to db server: connection refused' >&2; exit 1");
        MongodbConnector connector = new MongodbConnector(mongodump.toString(), "mongorestore");
        Dump dump = connector.dump(shop(Map.of()));
        Path config = configOf(dump.step());

        PipelineResult result = RcloneSteps.backup(dump, dir.resolve("remote/shop.archive"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.rootCause().orElseThrow().stderr())
                .contains("connection refused")
                .doesNotContain(PASSWORD);
        assertThat(dir.resolve("mongodump.config")).exists();
        assertThat(config).doesNotExist();
    }

    @Test
    void removesTheConfigFileWhenTheRestoreFails() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("remote")).resolve("shop.archive");
        Files.write(remote, new byte[200_000]);
        Path mongorestore = FakeMongoTools.write(
                dir,
                "mongorestore",
                PASSWORD,
                "head -c 10 > /dev/null; echo 'Failed: corruption found in archive' >&2; exit 1");
        MongodbConnector connector = new MongodbConnector("mongodump", mongorestore.toString());
        Restore restore = connector.restore(shop(Map.of()));
        Path config = configOf(restore.step());

        PipelineResult result = RcloneSteps.restore(restore, remote);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.rootCause().orElseThrow().stderr()).contains("corruption found in archive");
        assertThat(dir.resolve("mongorestore.config")).exists();
        assertThat(config).doesNotExist();
    }

    @Test
    void removesTheConfigFileOfADumpThatNeverRan() throws Exception {
        Dump dump = new MongodbConnector().dump(shop(Map.of()));
        Path config = configOf(dump.step());
        assertThat(config).exists();

        dump.close();

        assertThat(config).doesNotExist();
    }

    @Test
    void runsTheRealToolsByNameAndNamesTheirPackage() throws Exception {
        MongodbConnector connector = new MongodbConnector();
        try (Dump dump = connector.dump(shop(Map.of()));
                Restore restore = connector.restore(shop(Map.of()))) {
            assertThat(((Step.Command) dump.step()).tool()).isEqualTo("mongodump");
            assertThat(((Step.Command) restore.step()).tool()).isEqualTo("mongorestore");
            assertThat(((Step.Command) dump.step()).packageHint()).isEqualTo("mongodb-database-tools");
            assertThat(String.join(" ", ((Step.Command) dump.step()).argv())).doesNotContain(PASSWORD, "url-pw");
        }
        assertThat(connector.id()).isEqualTo("mongodb");
        assertThat(connector.extension()).isEqualTo("archive");
    }
}
