package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code listbackups --json}: the whole of stdout is one JSON array, read back here with Jackson. */
class ListBackupsJsonTest {
    @TempDir
    Path directory;

    private Workspace workspace;

    @BeforeEach
    void createWorkspace() throws Exception {
        workspace = new Workspace(directory)
                .writeConfig("  analytics:\n    engine: sqlite\n    name: " + directory.resolve("analytics.db"), "");
    }

    @Test
    void backupsOfEveryDatabaseNewestFirstWithBytesAndUtcTimes() throws Exception {
        backup("default-2024-01-14-120000.sqlite3", 1234, "2024-01-14T12:00:05.75Z");
        backup("analytics-2024-01-15-080000.sqlite3", 0, "2024-01-15T08:00:00Z");
        backup("default-2024-01-15-120000.sqlite3", 2048, "2024-01-15T12:00:00Z");
        backup("notes.txt", 10, "2024-01-16T00:00:00Z");

        CliRun run = workspace.run("listbackups", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> entries = array(run.out());
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).propertyNames()).containsExactly("database", "name", "path", "size", "modified");
        assertThat(entries.get(0).get("database").asString()).isEqualTo("default");
        assertThat(entries.get(0).get("name").asString()).isEqualTo("default-2024-01-15-120000.sqlite3");
        assertThat(entries.get(0).get("path").asString()).isEqualTo("db/default-2024-01-15-120000.sqlite3");
        assertThat(entries.get(0).get("size").isIntegralNumber()).isTrue();
        assertThat(entries.get(0).get("size").asLong()).isEqualTo(2048);
        assertThat(entries.get(0).get("modified").asString()).isEqualTo("2024-01-15T12:00:00Z");
        assertThat(entries.get(1).get("database").asString()).isEqualTo("analytics");
        assertThat(entries.get(1).get("size").asLong()).isZero();
        assertThat(entries.get(2).get("name").asString()).isEqualTo("default-2024-01-14-120000.sqlite3");
        assertThat(entries.get(2).get("modified").asString()).isEqualTo("2024-01-14T12:00:05Z");
    }

    @Test
    void theDatabaseOptionKeepsOnlyThatDatabasesBackups() throws Exception {
        backup("default-2024-01-14-120000.sqlite3", 1, "2024-01-14T12:00:00Z");
        backup("analytics-2024-01-15-080000.sqlite3", 2, "2024-01-15T08:00:00Z");

        CliRun run = workspace.run("listbackups", "--json", "-d", "analytics");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(array(run.out()))
                .extracting(entry -> entry.get("name").asString())
                .containsExactly("analytics-2024-01-15-080000.sqlite3");
    }

    @Test
    void aBackupJustMadeIsListed() throws Exception {
        workspace.sql("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        assertThat(workspace.run("dbbackup").exitCode()).isZero();
        long size = Files.size(workspace.remote.resolve(workspace.remoteFiles().get(0)));

        CliRun run = workspace.run("listbackups", "--json");

        JsonNode entry = array(run.out()).get(0);
        assertThat(entry.get("path").asString())
                .isEqualTo(workspace.remoteFiles().get(0));
        assertThat(entry.get("size").asLong()).isEqualTo(size).isPositive();
        assertThat(Instant.parse(entry.get("modified").asString()))
                .isAfter(Instant.now().minusSeconds(300));
    }

    @Test
    void nothingThereIsAnEmptyArrayAndExitZero() {
        for (String[] args :
                List.of(new String[] {"listbackups", "--json"}, new String[] {"listbackups", "--media", "--json"})) {
            CliRun run = workspace.run(args);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("[ ]");
            assertThat(array(run.out())).isEmpty();
        }
    }

    @Test
    void atHigherVerbosityStdoutStillHoldsOnlyTheArray() throws Exception {
        backup("default-2024-01-14-120000.sqlite3", 5, "2024-01-14T12:00:00Z");

        CliRun run = workspace.run("listbackups", "--json", "-v", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(array(run.out())).hasSize(1);
        assertThat(run.err()).contains("lsjson");
    }

    @Test
    void mediaFilesSortedByPathWithSpecialCharactersEscaped() throws Exception {
        Files.createDirectories(workspace.media.resolve("img"));
        Files.writeString(workspace.media.resolve("img/b \"quoted\" \\ back.jpg"), "bb");
        Files.writeString(workspace.media.resolve("img/a.jpg"), "a");
        Files.writeString(workspace.media.resolve("ünïcode ☃ &amp; é.txt"), "three");
        assertThat(workspace.run("mediabackup").exitCode()).isZero();

        CliRun run = workspace.run("listbackups", "--media", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> entries = array(run.out());
        assertThat(entries)
                .extracting(entry -> entry.get("path").asString())
                .containsExactly("img/a.jpg", "img/b \"quoted\" \\ back.jpg", "ünïcode ☃ &amp; é.txt");
        assertThat(entries).extracting(entry -> entry.get("size").asLong()).containsExactly(1L, 2L, 5L);
        assertThat(entries.get(0).propertyNames()).containsExactly("path", "size");
    }

    @Test
    void anUnreachableRemoteFailsWithNothingOnStdout() throws Exception {
        Files.writeString(
                workspace.config,
                Files.readString(workspace.config).replace("remote: " + workspace.remote, "remote: nosuchremote:x"));

        CliRun run = workspace.run("listbackups", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Error: ").contains("nosuchremote");
    }

    private void backup(String name, int size, String modified) throws Exception {
        Path file = Files.createDirectories(workspace.remote.resolve("db")).resolve(name);
        Files.write(file, new byte[size]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    /** The whole of {@code stdout} as one JSON array: anything else on it fails the parse. */
    private static List<JsonNode> array(String stdout) {
        JsonNode tree = JsonMapper.shared().readTree(stdout);
        assertThat(tree.isArray()).as(stdout).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        tree.forEach(entries::add);
        return entries;
    }
}
