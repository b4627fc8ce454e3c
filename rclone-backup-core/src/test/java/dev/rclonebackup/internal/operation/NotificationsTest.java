package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.CommandRun;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.internal.notify.LoopbackHttpServer;
import dev.rclonebackup.internal.notify.LoopbackHttpServer.Request;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The HTTP notifier against a real server on 127.0.0.1, around real backups of a SQLite database. */
@Timeout(120)
class NotificationsTest extends SqliteOperationTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");
    private static final String TOKEN = "5f3c9a1e-0d2b-4c8e-9f41-token";

    private LoopbackHttpServer server;

    @BeforeEach
    void server() throws Exception {
        server = LoopbackHttpServer.answering(200);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Settings.Builder notifying(LoopbackHttpServer target) {
        return settings()
                .set(Setting.NOTIFY_START_URL, target.url("/" + TOKEN + "/start"))
                .set(Setting.NOTIFY_SUCCESS_URL, target.url("/" + TOKEN))
                .set(Setting.NOTIFY_FAILURE_URL, target.url("/" + TOKEN + "/fail?x=1"));
    }

    @Test
    void aSuccessfulRunPostsStartThenSuccessWithItsDatabasesAndPaths() {
        RcloneBackup backups = backups(notifying(server).build(), NOON);

        CommandRun run = backups.startRun("dbbackup", List.of("default"));
        backups.dbBackup("default", false);
        run.succeeded();
        run.succeeded();

        List<Request> requests = server.requests();
        assertThat(requests).extracting(Request::path).containsExactly("/" + TOKEN + "/start", "/" + TOKEN);
        assertThat(requests).extracting(Request::method).containsOnly("POST");
        assertThat(requests).extracting(Request::contentType).containsOnly("application/json");
        JsonNode start = requests.get(0).json();
        assertThat(start.get("command").asString()).isEqualTo("dbbackup");
        assertThat(start.get("status").asString()).isEqualTo("start");
        assertThat(start.get("started").asString()).isEqualTo("2024-01-15T12:00:00Z");
        assertThat(start.get("finished").isNull()).isTrue();
        JsonNode success = requests.get(1).json();
        assertThat(success.get("status").asString()).isEqualTo("success");
        assertThat(success.get("databases").toString()).isEqualTo("[\"default\"]");
        assertThat(success.get("paths").toString()).isEqualTo("[\"db/default-2024-01-15-120000.sqlite3\"]");
        assertThat(success.get("error").isNull()).isTrue();
        assertThat(success.get("finished").asString()).isEqualTo("2024-01-15T12:00:00Z");
        String host = success.get("host").asString();
        assertThat(host).isNotBlank();
        assertThat(success.get("text").asString())
                .isEqualTo("rclone-backup dbbackup of default succeeded on " + host
                        + " in 0s: db/default-2024-01-15-120000.sqlite3");
    }

    @Test
    void aFailedRunPostsFailureWithTheError() throws Exception {
        Files.writeString(database, "this is not a database");
        RcloneBackup backups = backups(notifying(server).build(), NOON);

        CommandRun run = backups.startRun("dbbackup", List.of());
        Throwable failure = catchThrowable(() -> backups.dbBackup("default", false));
        run.failed(failure);

        List<Request> requests = server.requests();
        assertThat(requests)
                .extracting(Request::path)
                .containsExactly("/" + TOKEN + "/start", "/" + TOKEN + "/fail?x=1");
        JsonNode body = requests.get(1).json();
        assertThat(body.get("status").asString()).isEqualTo("failure");
        assertThat(body.get("error").asString()).isEqualTo(failure.getMessage());
        assertThat(body.get("databases").toString()).isEqualTo("[\"default\"]");
        assertThat(body.get("text").asString())
                .startsWith("rclone-backup dbbackup of default failed on ")
                .endsWith(": " + failure.getMessage());
    }

    @Test
    void oneRunOverSeveralOperationsSendsOneNotificationListingThemAll() throws Exception {
        RcloneBackup backups = backups(
                notifying(server)
                        .database(
                                "other",
                                DatabaseSettings.builder()
                                        .engine("sqlite")
                                        .name(SqliteFile.create(dir.resolve("other.sqlite3"))
                                                .toString())
                                        .build())
                        .build(),
                NOON);

        CommandRun run = backups.startRun("dbbackup", List.of());
        backups.dbBackup("default", false);
        backups.dbBackup("other", false);
        run.succeeded();

        assertThat(server.requests()).hasSize(2);
        JsonNode success = server.requests().get(1).json();
        assertThat(success.get("databases").toString()).isEqualTo("[\"default\",\"other\"]");
        assertThat(success.get("paths")).hasSize(2);
    }

    @Test
    void anErrorAnswerIsAWarningThatNamesOnlySchemeAndHost() throws Exception {
        try (LoopbackHttpServer failing = LoopbackHttpServer.answering(500)) {
            RcloneBackup backups = backups(notifying(failing).build(), NOON);

            CommandRun run = backups.startRun("dbbackup", List.of("default"));
            backups.dbBackup("default", false);
            run.succeeded();

            assertThat(reporter.lines)
                    .contains(
                            "Warning: The start notification to http://127.0.0.1/… failed: it answered HTTP 500",
                            "Warning: The success notification to http://127.0.0.1/… failed: it answered HTTP 500");
            assertThat(reporter.all()).doesNotContain(TOKEN);
        }
    }

    @Test
    void aServerThatNeverAnswersCostsAtMostTheTimeout() throws Exception {
        try (LoopbackHttpServer silent = LoopbackHttpServer.silent()) {
            RcloneBackup backups = backups(
                    notifying(silent)
                            .set(Setting.NOTIFY_TIMEOUT, Duration.ofMillis(500))
                            .build(),
                    NOON);

            long started = System.nanoTime();
            CommandRun run = backups.startRun("dbbackup", List.of("default"));
            run.succeeded();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofMillis(2500));
            assertThat(reporter.lines)
                    .contains("Warning: The start notification to http://127.0.0.1/… failed: "
                            + "no answer within 500ms (notify.timeout)");
        }
    }

    @Test
    void noUrlNoRequest() {
        RcloneBackup backups = backups(settings().build(), NOON);

        CommandRun run = backups.startRun("dbbackup", List.of("default"));
        backups.dbBackup("default", false);
        run.succeeded();

        assertThat(server.requests()).isEmpty();
    }

    private static Throwable catchThrowable(Runnable operation) {
        try {
            operation.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("the operation did not fail");
    }
}
