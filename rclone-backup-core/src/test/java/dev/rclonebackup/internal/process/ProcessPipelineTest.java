package dev.rclonebackup.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessPipelineTest {
    @TempDir
    Path dir;

    private static Step.Command sh(String script) {
        return Step.command(List.of("sh", "-c", script), "dash");
    }

    @Test
    void streamsOneProcessIntoTheOther() throws Exception {
        Path out = dir.resolve("out");
        PipelineResult result = ProcessPipeline.run(
                sh("head -c 5000000 /dev/urandom | od -An -tx1"), sh("cat > '" + out + "'"), Reporter.SILENT);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.rootCause()).isEmpty();
        assertThat(Files.size(out)).isGreaterThan(10_000_000);
    }

    @Test
    void reportsTheProducersFailureWhenTheConsumerWasFine() throws Exception {
        PipelineResult result = ProcessPipeline.run(
                sh("echo partial; echo 'dump: connection refused' >&2; exit 3"),
                sh("cat > /dev/null"),
                Reporter.SILENT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.consumer().succeeded()).isTrue();
        StageResult cause = result.rootCause().orElseThrow();
        assertThat(cause.exitCode()).isEqualTo(3);
        assertThat(cause.stderr()).isEqualTo("dump: connection refused");
    }

    @Test
    void blamesTheConsumerWhenTheProducerOnlyDiedOfABrokenPipe() throws Exception {
        PipelineResult result = ProcessPipeline.run(
                sh("exec yes"), sh("head -c 10 > /dev/null; echo 'restore: bad input' >&2; exit 5"), Reporter.SILENT);

        assertThat(result.producer().brokenPipe()).isTrue();
        StageResult cause = result.rootCause().orElseThrow();
        assertThat(cause.exitCode()).isEqualTo(5);
        assertThat(cause.stderr()).isEqualTo("restore: bad input");
    }

    @Test
    void endsAProducerThatKeepsRunningAfterTheConsumerFailed() throws Exception {
        long start = System.nanoTime();
        PipelineResult result =
                ProcessPipeline.run(sh("sleep 30"), sh("echo 'upload refused' >&2; exit 7"), Reporter.SILENT);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
        assertThat(result.rootCause().orElseThrow().stderr()).isEqualTo("upload refused");
    }

    @Test
    void drainsMegabytesOfStderrWithoutDeadlockKeepingOnlyTheTail() throws Exception {
        PipelineResult result = ProcessPipeline.run(
                sh("head -c 20000000 /dev/zero | tr '\\0' 'e' >&2; echo data; echo last-line >&2"),
                sh("cat > /dev/null; head -c 5000000 /dev/zero | tr '\\0' 'w' >&2"),
                Reporter.SILENT);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.producer().stderr())
                .endsWith("last-line")
                .hasSizeLessThanOrEqualTo(TailBuffer.DEFAULT_CAPACITY + 1);
        assertThat(result.consumer().stderr()).hasSizeLessThanOrEqualTo(TailBuffer.DEFAULT_CAPACITY + 1);
    }

    @Test
    void interruptEndsBothProcessTreesIncludingGrandchildren() throws Exception {
        Path pids = dir.resolve("pids");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                ProcessPipeline.run(
                        sh("sleep 300 & echo $! >> '" + pids + "'; wait"),
                        sh("sleep 301 & echo $! >> '" + pids + "'; wait"),
                        Reporter.SILENT);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        while (!Files.exists(pids) || Files.readAllLines(pids).size() < 2) {
            Thread.sleep(50);
        }
        runner.interrupt();
        runner.join(20_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(pid.trim()))
                    .ifPresent(p -> assertThat(p.isAlive()).as("pid " + pid).isFalse());
        }
    }

    @Test
    void connectsAnInJvmWriterToAProcess() throws Exception {
        Path out = dir.resolve("out");
        Step.Writer writer =
                new Step.Writer("h2-script", o -> o.write("hello from the JVM".getBytes(StandardCharsets.UTF_8)));

        PipelineResult result = ProcessPipeline.run(writer, sh("cat > '" + out + "'"), Reporter.SILENT);

        assertThat(result.succeeded()).isTrue();
        assertThat(Files.readString(out)).isEqualTo("hello from the JVM");
    }

    @Test
    void connectsAProcessToAnInJvmReader() throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Step.Reader reader = new Step.Reader("h2-runscript", in -> in.transferTo(received));

        PipelineResult result = ProcessPipeline.run(sh("printf 'from a process'"), reader, Reporter.SILENT);

        assertThat(result.succeeded()).isTrue();
        assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo("from a process");
    }

    @Test
    void anInJvmReaderFailureIsTheRootCause() throws Exception {
        Step.Reader reader = new Step.Reader("h2-runscript", in -> {
            throw new IOException("syntax error in script");
        });

        PipelineResult result = ProcessPipeline.run(sh("exec yes"), reader, Reporter.SILENT);

        StageResult cause = result.rootCause().orElseThrow();
        assertThat(cause.tool()).isEqualTo("h2-runscript");
        assertThat(cause.stderr()).isEqualTo("syntax error in script");
    }

    @Test
    void aMissingToolIsNamed() {
        assertThatThrownBy(() -> ProcessPipeline.run(
                        Step.command(List.of("no-such-dump-tool", "x"), "no-such-package"), sh("cat"), Reporter.SILENT))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageContaining("no-such-dump-tool");
    }

    @Test
    void reportsProgressFromTheKernelsCountersOnlyForLongTransfers() throws Exception {
        CompletableFuture<Long> seen = new CompletableFuture<>();
        Reporter reporter = new Reporter() {
            @Override
            public void progress(long bytes, double bytesPerSecond) {
                seen.complete(bytes);
            }
        };

        ProcessPipeline.run(sh("head -c 3000000 /dev/zero; sleep 1.5"), sh("cat > /dev/null"), reporter);

        assertThat(seen.getNow(-1L)).isGreaterThanOrEqualTo(3_000_000L);
    }

    @Test
    void aPipelineThatMovesNoDataForTheStallTimeoutEndsBothEnds() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> ProcessPipeline.run(
                        sh("head -c 1000 /dev/zero; exec sleep 300"),
                        sh("cat > /dev/null"),
                        Reporter.SILENT,
                        new Supervision(Redactor.POSITIONAL, Duration.ofMillis(400))))
                .isInstanceOf(StalledException.class);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }
}
