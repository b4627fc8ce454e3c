package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failure hooks and notifications through the whole command line, with a real server on 127.0.0.1. */
class NotificationsAndFailureHooksTest {
    private static final String TOKEN = "0c9b7a65-3f1e-4d2a-8b6c-secret";

    @TempDir
    Path directory;

    private Workspace workspace;
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        workspace = new Workspace(directory);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestURI() + " " + body);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + TOKEN + path;
    }

    private void notifying() throws IOException {
        workspace.writeConfig(
                String.join(
                        "\n",
                        "notify:",
                        "  start-url: " + url("/start"),
                        "  success-url: " + url("?key=" + TOKEN),
                        "  failure-url: " + url("/fail")),
                "");
    }

    @Test
    void aFailingFailureHookIsAWarningAndTheBackupStillExitsOneWithItsOwnError() throws Exception {
        Files.writeString(workspace.database, "this is not a database");
        Path hook = workspace.script("failure-hook.sh", "echo 'pager unreachable' >&2\nexit 4");
        workspace.writeConfig("hooks:\n  db-backup-failed: [" + hook + "]", "");

        CliRun run = workspace.run("dbbackup");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "Warning: The db-backup-failed hook " + hook + " failed with exit status 4: pager unreachable")
                .contains("Backup of database 'default' to db/default-")
                .contains("file is not a database");
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("Error: Backup of database 'default' to db/default-");
        assertThat(workspace.remoteFiles()).isEmpty();
    }

    @Test
    void aSuccessfulBackupPostsStartAndSuccessAndNeverPrintsTheUrlsPathAtVerbosityTwo() throws Exception {
        notifying();
        workspace.sql("CREATE TABLE t(x);");

        CliRun run = workspace.run("dbbackup", "-v", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(received).hasSize(2);
        assertThat(received.get(0))
                .startsWith("/" + TOKEN
                        + "/start {\"command\":\"dbbackup\",\"status\":\"start\",\"databases\":[\"default\"]");
        assertThat(received.get(1))
                .startsWith("/" + TOKEN + "?key=" + TOKEN + " {\"command\":\"dbbackup\",\"status\":\"success\"");
        assertThat(run.out()).contains("Notifying http://127.0.0.1/… of start", "http://127.0.0.1/… answered HTTP 200");
        assertThat(run.out() + run.err())
                .doesNotContain(TOKEN)
                .doesNotContain(":" + server.getAddress().getPort());
    }

    @Test
    void anErrorAnswerIsAWarningAndTheExitStatusStaysZero() throws Exception {
        notifying();
        status = 500;

        CliRun run = workspace.run("mediabackup", "-v", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("Warning: The start notification to http://127.0.0.1/… failed: it answered HTTP 500")
                .contains("Warning: The success notification to http://127.0.0.1/… failed: it answered HTTP 500");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void aFailedBackupPostsFailureWithTheErrorItPrinted() throws Exception {
        notifying();
        Files.writeString(workspace.database, "this is not a database");

        CliRun run = workspace.run("dbbackup");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1))
                .startsWith("/" + TOKEN + "/fail {\"command\":\"dbbackup\",\"status\":\"failure\"")
                .contains("\"error\":\"Backup of database 'default' to db/default-");
    }

    @Test
    void listingIsNotAnnounced() throws Exception {
        notifying();

        CliRun run = workspace.run("listbackups");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hc-ping.com/" + TOKEN, "file:/tmp/" + TOKEN, "'https://hc ping.com/" + TOKEN + "'"})
    void aUrlThatIsNotHttpIsAConfigurationErrorNamingTheKey(String url) throws Exception {
        workspace.writeConfig("notify:\n  failure-url: " + url, "");

        CliRun run = workspace.run("dbbackup");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notify.failure-url").doesNotContain(TOKEN);
        assertThat(received).isEmpty();
    }
}
