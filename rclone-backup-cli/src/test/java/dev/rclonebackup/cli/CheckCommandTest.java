package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check} through the whole command line, against real rclone with a local folder as the
 * remote; backup ages are set with {@code touch -d}.
 */
class CheckCommandTest {
    private static final String NL = System.lineSeparator();
    private static final String ANALYTICS = "  analytics:\n    engine: sqlite\n    name: analytics.db\n";

    @TempDir
    Path directory;

    private Workspace workspace;

    @BeforeEach
    void createWorkspace() throws Exception {
        workspace = new Workspace(directory).writeConfig(ANALYTICS, "");
    }

    @Test
    void aFreshBackupMadeByDbbackupPasses() throws Exception {
        workspace.sql("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        assertThat(workspace.run("dbbackup").exitCode()).isZero();

        CliRun run = workspace.run("check", "-d", "default");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("OK default: default-[0-9-]+\\.sqlite3, [0-9]+s ago, [0-9]+ B" + NL);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyDatabaseGetsALineAndAnyFailureMakesExitOne() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 1300, "3 hours ago");
        backup("analytics-2024-01-14-120000.sqlite3", 100, "30 hours ago");

        CliRun run = workspace.run("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("OK default: default-2024-01-15-120000.sqlite3, 3h ago, 1.3 KB" + NL
                        + "FAILED analytics: newest backup analytics-2024-01-14-120000.sqlite3 is 30h old (max 26h)"
                        + NL);
        assertThat(run.err()).isEqualTo("Error: Check failed for 1 of 2 databases: analytics" + NL);
    }

    @Test
    void theNewestBackupIsJudgedNotAnOlderOne() throws Exception {
        backup("default-2024-01-10-120000.sqlite3", 0, "5 days ago");
        backup("default-2024-01-15-120000.sqlite3", 10, "1 hour ago");

        CliRun run = workspace.run("check", "-d", "default");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK default: default-2024-01-15-120000.sqlite3, 1h ago, 10 B");
    }

    @Test
    void repeatedDatabaseOptionsChooseTheDatabasesInTheirOrder() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 10, "1 hour ago");
        backup("analytics-2024-01-15-120000.sqlite3", 10, "2 hours ago");

        CliRun run = workspace.run("check", "-d", "analytics", "--database", "default");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines(run.out()))
                .extracting(line -> line.split(":")[0])
                .containsExactly("OK analytics", "OK default");
    }

    @Test
    void maxAgeComesFromTheOptionElseTheSettingElse26Hours() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 10, "3 hours ago");

        assertThat(workspace.run("check", "-d", "default").exitCode()).isZero();
        CliRun option = workspace.run("check", "-d", "default", "--max-age", "2h");
        assertThat(option.exitCode()).isEqualTo(1);
        assertThat(option.out()).contains("is 3h old (max 2h)");

        workspace.writeConfig(ANALYTICS + "check:\n  max-age: 90m", "");
        CliRun setting = workspace.run("check", "-d", "default");
        assertThat(setting.exitCode()).isEqualTo(1);
        assertThat(setting.out()).contains("is 3h old (max 90m)");
        assertThat(workspace.run("check", "-d", "default", "--max-age", "PT4H").exitCode())
                .isZero();
    }

    @Test
    void anEmptyBackupAndAMissingOneFail() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 0, "1 hour ago");

        CliRun run = workspace.run("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("FAILED default: newest backup default-2024-01-15-120000.sqlite3 is empty (0 bytes)" + NL
                        + "FAILED analytics: no backups found" + NL);
        assertThat(run.err()).isEqualTo("Error: Check failed for 2 of 2 databases: default, analytics" + NL);
    }

    @Test
    void withAMinimumSizeRatioABackupThatShrankFails() throws Exception {
        backup("default-2024-01-14-120000.sqlite3", 1000, "25 hours ago");
        backup("default-2024-01-15-120000.sqlite3", 400, "1 hour ago");
        assertThat(workspace.run("check", "-d", "default").exitCode()).isZero();

        workspace.writeConfig(ANALYTICS + "check:\n  min-size-ratio: 0.5", "");
        CliRun run = workspace.run("check", "-d", "default");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .isEqualTo("FAILED default: newest backup default-2024-01-15-120000.sqlite3 is 400 bytes, "
                        + "less than 0.5 × the previous backup's 1000 bytes (default-2024-01-14-120000.sqlite3)"
                        + NL);
    }

    @Test
    void atVerbosityZeroOnlyFailuresArePrinted() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 10, "1 hour ago");

        CliRun passing = workspace.run("check", "-d", "default", "-v", "0");
        CliRun failing = workspace.run("check", "-v", "0");

        assertThat(passing.exitCode()).isZero();
        assertThat(passing.out()).isEmpty();
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).isEqualTo("FAILED analytics: no backups found" + NL);
    }

    @Test
    void jsonIsAnArrayOfOneObjectPerDatabaseAndNothingElseOnStdout() throws Exception {
        backup("default-2024-01-15-120000.sqlite3", 1234, "3 hours ago");

        CliRun run = workspace.run("check", "--json", "-v", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> results = array(run.out());
        assertThat(results).hasSize(2);
        JsonNode ok = results.get(0);
        assertThat(ok.propertyNames()).containsExactly("database", "ok", "newest", "age_seconds", "size", "problem");
        assertThat(ok.get("database").asString()).isEqualTo("default");
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("newest").asString()).isEqualTo("default-2024-01-15-120000.sqlite3");
        assertThat(ok.get("age_seconds").asLong()).isBetween(3 * 3600L, 3 * 3600L + 120);
        assertThat(ok.get("size").asLong()).isEqualTo(1234);
        assertThat(ok.get("problem").isNull()).isTrue();
        JsonNode failed = results.get(1);
        assertThat(failed.get("database").asString()).isEqualTo("analytics");
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("newest").isNull()).isTrue();
        assertThat(failed.get("age_seconds").isNull()).isTrue();
        assertThat(failed.get("size").isNull()).isTrue();
        assertThat(failed.get("problem").asString()).isEqualTo("no backups found");
        assertThat(run.err()).contains("lsjson").contains("Check failed for 1 of 2 databases: analytics");
    }

    @Test
    void anUnreachableRemoteFailsEveryDatabaseWithRclonesReason() throws Exception {
        Files.writeString(
                workspace.config,
                Files.readString(workspace.config).replace("remote: " + workspace.remote, "remote: \"nosuchremote:\""));

        CliRun run = workspace.run("check");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run.out()))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .matches("FAILED (default|analytics): cannot list the backups: rclone lsjson nosuchremote:db "
                                + "failed .*"));
        assertThat(run.err()).isEqualTo("Error: Check failed for 2 of 2 databases: default, analytics" + NL);
    }

    @Test
    void theReasonNeverShowsAPasswordOfTheRemote() throws Exception {
        Files.writeString(
                workspace.config,
                Files.readString(workspace.config)
                        .replace(
                                "remote: " + workspace.remote,
                                "remote: \":webdav,url='http://127.0.0.1:1',pass=SECRETVALUE123:\""));

        CliRun text = workspace.run("check", "-d", "default");
        CliRun json = workspace.run("check", "-d", "default", "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out())
                .startsWith("FAILED default: cannot list the backups: ")
                .contains("pass=****");
        assertThat(array(json.out()).get(0).get("problem").asString()).contains("pass=****");
        assertThat(text.out() + text.err() + json.out() + json.err()).doesNotContain("SECRETVALUE123");
    }

    @Test
    void aMissingRcloneBinaryIsAFailureNamingIt() throws Exception {
        workspace.writeConfig(ANALYTICS + "check: {}", "");
        Files.writeString(
                workspace.config,
                Files.readString(workspace.config).replace("rclone:\n", "rclone:\n  binary: /nonexistent/rclone\n"));

        CliRun run = workspace.run("check", "-d", "default", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = array(run.out()).get(0);
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("problem").asString()).contains("rclone not found at '/nonexistent/rclone'");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-5m", "abc", "26", "PT0S"})
    void aMaxAgeThatIsNotAPositiveDurationIsAUsageError(String maxAge) {
        CliRun run = workspace.run("check", "--max-age", maxAge);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Error: Invalid value for option '--max-age': '" + maxAge + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.5", "-0.5", "abc", "\"0.5\"", ".nan"})
    void aMinimumSizeRatioOutsideZeroToOneIsAConfigurationError(String ratio) throws Exception {
        workspace.writeConfig(ANALYTICS + "check:\n  min-size-ratio: " + ratio, "");

        CliRun run = workspace.run("check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("check.min-size-ratio must be");
    }

    @Test
    void anUnknownDatabaseIsAConfigurationError() {
        CliRun run = workspace.run("check", "-d", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Database 'nope' is not configured");
    }

    /** A backup file on the remote, its modification time set by {@code touch -d WHEN}. */
    private void backup(String name, int size, String when) throws IOException, InterruptedException {
        Path file = Files.createDirectories(workspace.remote.resolve("db")).resolve(name);
        Files.write(file, new byte[size]);
        Process touch = new ProcessBuilder("touch", "-d", when, file.toString())
                .inheritIO()
                .start();
        assertThat(touch.waitFor(30, TimeUnit.SECONDS) && touch.exitValue() == 0)
                .as("touch -d " + when)
                .isTrue();
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : List.of(out.split(NL));
    }

    private static List<JsonNode> array(String stdout) {
        JsonNode tree = JsonMapper.shared().readTree(stdout);
        assertThat(tree.isArray()).as(stdout).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        tree.forEach(entries::add);
        return entries;
    }
}
