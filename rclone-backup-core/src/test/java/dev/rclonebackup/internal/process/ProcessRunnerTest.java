package dev.rclonebackup.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.secrets.Redactor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void feedsStdinAndCollectsStdoutAndTheStderrTail() throws Exception {
        ProcessResult result = ProcessRunner.run(
                Step.command(List.of("sh", "-c", "tr a-z A-Z; echo done >&2; exit 4"), "dash"),
                "hello".getBytes(StandardCharsets.UTF_8),
                Reporter.SILENT);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdoutText()).isEqualTo("HELLO");
        assertThat(result.stderr()).isEqualTo("done");
    }

    @Test
    void withoutInputTheProcessReadsEndOfFileAtOnce() throws Exception {
        ProcessResult result =
                ProcessRunner.run(Step.command(List.of("sh", "-c", "wc -c"), "dash"), null, Reporter.SILENT);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdoutText().strip()).isEqualTo("0");
    }

    @Test
    void anInterruptEndsTheProcessTreeAtOnceEvenWhileItsOutputIsOpen() throws Exception {
        Path pid = dir.resolve("pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                ProcessRunner.run(
                        Step.command(List.of("sh", "-c", "sleep 300 & echo $! > '" + pid + "'; wait"), "dash"),
                        null,
                        Reporter.SILENT);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            Thread.sleep(20);
        }
        long start = System.nanoTime();
        runner.interrupt();
        runner.join(10_000);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                        .filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    @Test
    void aProcessTreeThatMovesNoDataForTheStallTimeoutIsEnded() throws Exception {
        Path pid = dir.resolve("pid");
        Supervision watched = new Supervision(Redactor.POSITIONAL, Duration.ofMillis(400));
        long start = System.nanoTime();

        assertThatThrownBy(() -> ProcessRunner.run(
                        Step.command(List.of("sh", "-c", "sleep 300 & echo $! > '" + pid + "'; wait"), "dash"),
                        null,
                        Reporter.SILENT,
                        watched))
                .isInstanceOf(StalledException.class)
                .hasMessage("no data moved for 400ms, so it was ended");

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        assertThat(ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                        .filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    @Test
    void aProcessThatKeepsWritingOutlivesTheStallTimeout() throws Exception {
        Supervision watched = new Supervision(Redactor.POSITIONAL, Duration.ofMillis(400));

        ProcessResult result = ProcessRunner.run(
                Step.command(
                        List.of("sh", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do echo $i >&2; sleep 0.15; done"), "dash"),
                null,
                Reporter.SILENT,
                watched);

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theReportedCommandLineHidesCredentials() throws Exception {
        List<String> details = new ArrayList<>();
        Reporter reporter = new Reporter() {
            @Override
            public void detail(String message) {
                details.add(message);
            }
        };

        ProcessRunner.run(
                Step.command(List.of("true", "--x-password", "pw", "known secret"), "coreutils"),
                null,
                reporter,
                new Supervision(Redactor.of(List.of("known secret")), null));

        assertThat(details).containsExactly("Running: true --x-password **** ****");
    }
}
