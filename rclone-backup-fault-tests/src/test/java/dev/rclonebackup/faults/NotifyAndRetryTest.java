package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Notifiers that never answer and uploads that keep failing: neither holds a command beyond its
 * bounds, changes its exit status or leaves anything behind.
 */
class NotifyAndRetryTest {
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Cli cli;
    private SqliteDatabase sqlite;
    private HttpServer silent;
    private final AtomicLong receivedAt = new AtomicLong();
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new Sandbox(directory);
        cli = new Cli(sandbox);
        sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 1_000);
        silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            receivedAt.set(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        silent.setExecutor(command -> {
            Thread thread = new Thread(command, "silent-http");
            thread.setDaemon(true);
            thread.start();
        });
        silent.start();
    }

    @AfterEach
    void tearDown() {
        never.countDown();
        silent.stop(0);
    }

    private String silentUrl(String path) {
        return "http://127.0.0.1:" + silent.getAddress().getPort() + path;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"success", "failure"})
    void aNotifierThatNeverAnswersDelaysTheCommandByAtMostItsTimeoutAndKeepsItsExitStatus(String status)
            throws IOException {
        boolean failing = status.equals("failure");
        if (failing) {
            Files.writeString(sqlite.file(), "this is not a database");
        }
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file())
                + "\nnotify:\n  " + status + "-url: " + Sandbox.quoted(silentUrl("/secret-token/" + status))
                + "\n  timeout: 3s");

        Outcome outcome = cli.run("dbbackup", "-v", "2");
        Duration afterTheRequest = Duration.ofNanos(System.nanoTime() - receivedAt.get());

        assertThat(receivedAt.get()).as("the server received the notification").isNotZero();
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(failing ? 1 : 0);
        assertThat(outcome.stderr())
                .contains("Warning: The " + status
                        + " notification to http://127.0.0.1/… failed: no answer within 3s (notify.timeout)");
        assertThat(outcome.output()).doesNotContain("secret-token");
        assertThat(afterTheRequest).isLessThan(NOTIFY_TIMEOUT.plusSeconds(1));
        assertThat(sandbox.remoteFiles()).hasSize(failing ? 0 : 1);
    }

    @ParameterizedTest(name = "retry-delay {0}")
    @ValueSource(strings = {"200ms", "10m"})
    void sigintWhileRetryingAPermanentlyFailingUploadStopsAtOnceWithNoPartialLeft(String delay) {
        sandbox.tool(
                "rclone",
                String.join(
                        "\n",
                        "for argument in \"$@\"; do",
                        "  if [ \"$argument\" = rcat ]; then",
                        "    cat > /dev/null",
                        "    echo \"$(date '+%Y/%m/%d %H:%M:%S') ERROR : Failed to rcat: connection reset by peer\" >&2",
                        "    exit 1",
                        "  fi",
                        "done",
                        "exec '" + realRclone() + "' \"$@\""));
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()) + "\ndb:\n  retries: 1000\n  retry-delay: " + delay);

        Cli.Running run = cli.start("dbbackup");
        run.awaitStderr("Upload failed (attempt " + (delay.equals("10m") ? 1 : 3) + " of 1001)");
        List<ProcessHandle> children = run.descendants();
        long signalled = System.nanoTime();
        Processes.signal(run.pid(), "INT");
        Outcome outcome = run.await(Duration.ofMinutes(1));
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(130);
        assertThat(took).isLessThan(AT_ONCE);
        assertThat(outcome.stderr()).contains("Interrupted");
        assertThat(sandbox.remoteFiles()).isEmpty();
        assertThat(Processes.allEnded(children)).as("every child ended").isTrue();
    }

    @Test
    void aPermanentlyFailingUploadIsTriedRetriesPlusOneTimesAndLeavesNothing() {
        sandbox.tool(
                "rclone",
                String.join(
                        "\n",
                        "for argument in \"$@\"; do",
                        "  if [ \"$argument\" = rcat ]; then",
                        "    cat > /dev/null",
                        "    echo 'Failed to rcat: connection reset by peer' >&2",
                        "    exit 1",
                        "  fi",
                        "done",
                        "exec '" + realRclone() + "' \"$@\""));
        sandbox.writeConfig(Sandbox.sqliteDatabase(sqlite.file()) + "\ndb:\n  retries: 2\n  retry-delay: 100ms");

        Outcome outcome = cli.run("dbbackup");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("Upload failed (attempt 1 of 3)")
                .contains("Upload failed (attempt 2 of 3)")
                .contains("(attempt 3 of 3)");
        assertThat(sandbox.remoteFiles()).isEmpty();
    }

    /** The rclone on this machine's PATH, which the stand-in in the sandbox's tools wraps. */
    private Path realRclone() {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "rclone");
            if (!candidate.startsWith(sandbox.tools()) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("rclone is not on PATH"));
    }
}
