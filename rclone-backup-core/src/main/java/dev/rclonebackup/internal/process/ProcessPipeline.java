package dev.rclonebackup.internal.process;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams a producer into a consumer: {@code producer | consumer}. When both are external
 * commands they are joined by an operating-system pipe ({@link ProcessBuilder#startPipeline}),
 * so the data never passes through the JVM; an in-JVM {@link Step.Writer} or {@link Step.Reader}
 * is connected to the other process's standard input or output instead.
 *
 * <p>Every process's standard error is drained concurrently into a bounded buffer. The call
 * waits for both ends and reports each one's exit status. When one end fails, the other gets a
 * short grace period to finish by itself and is then ended. On interrupt, both process trees
 * are ended before {@link InterruptedException} is thrown.
 */
public final class ProcessPipeline {
    private static final File NO_INPUT = new File("/dev/null");
    private static final long GRACE_AFTER_FAILURE_MILLIS = 2000;

    private ProcessPipeline() {}

    /**
     * Runs {@code producer | consumer} to completion.
     *
     * @return both ends' outcomes; the caller decides what counts as failure (see
     *         {@link PipelineResult#rootCause()})
     * @throws ToolNotFoundException when an executable does not exist
     * @throws InterruptedException  when interrupted; all processes have been ended then
     */
    public static PipelineResult run(Step producer, Step consumer, Reporter reporter)
            throws IOException, InterruptedException {
        return run(producer, consumer, reporter, Supervision.NONE);
    }

    /**
     * As {@link #run(Step, Step, Reporter)}, watched by {@code supervision}: the command lines are
     * reported through its redactor, and when the external processes (with everything they
     * started) move no data for its stall timeout, both ends are ended.
     *
     * @throws StalledException when the pipeline was ended for moving no data
     */
    public static PipelineResult run(Step producer, Step consumer, Reporter reporter, Supervision supervision)
            throws IOException, InterruptedException {
        reporter.detail("Running: " + describe(producer, supervision) + " | " + describe(consumer, supervision));
        List<RunningStage> stages = start(producer, consumer, reporter);
        RunningStage first = stages.get(0);
        RunningStage second = stages.get(1);
        ProgressMonitor progress = ProgressMonitor.start(first, second, reporter);
        List<ProcessHandle> processes = stages.stream()
                .map(RunningStage::handle)
                .filter(Objects::nonNull)
                .toList();
        try (StallWatch watch =
                StallWatch.start(supervision.stallTimeout(), processes, () -> killBoth(first, second))) {
            awaitBoth(first, second);
            PipelineResult result =
                    new PipelineResult(first.finished().get(), second.finished().get());
            if (watch.stalled()) {
                throw new StalledException(supervision.stallTimeout());
            }
            return result;
        } catch (InterruptedException e) {
            killBoth(first, second);
            throw e;
        } catch (ExecutionException e) {
            killBoth(first, second);
            throw new IOException("pipeline failed: " + e.getCause(), e.getCause());
        } finally {
            progress.close();
        }
    }

    private static void killBoth(RunningStage first, RunningStage second) {
        first.kill();
        second.kill();
    }

    private static List<RunningStage> start(Step producer, Step consumer, Reporter reporter) throws IOException {
        if (producer instanceof Step.Command p && consumer instanceof Step.Command c) {
            ProcessBuilder from = ProcessStarter.builder(p).redirectInput(NO_INPUT);
            ProcessBuilder to = ProcessStarter.builder(c);
            List<Process> processes = ProcessStarter.startPipeline(List.of(from, to), List.of(p, c));
            return List.of(
                    new ProcessStage(processes.get(0), p.tool(), false, reporter),
                    new ProcessStage(processes.get(1), c.tool(), true, reporter));
        }
        if (producer instanceof Step.Writer w && consumer instanceof Step.Command c) {
            Process process = ProcessStarter.start(ProcessStarter.builder(c), c);
            RunningStage to = new ProcessStage(process, c.tool(), true, reporter);
            var stdin = process.getOutputStream();
            return List.of(new JvmStage(w.tool(), () -> w.writer().writeTo(stdin), stdin), to);
        }
        if (producer instanceof Step.Command p && consumer instanceof Step.Reader r) {
            Process process = ProcessStarter.start(ProcessStarter.builder(p).redirectInput(NO_INPUT), p);
            RunningStage from = new ProcessStage(process, p.tool(), false, reporter);
            var stdout = process.getInputStream();
            return List.of(from, new JvmStage(r.tool(), () -> r.reader().readFrom(stdout), stdout));
        }
        throw new IllegalArgumentException("at least one end of a pipeline must be an external command");
    }

    private static void awaitBoth(RunningStage first, RunningStage second)
            throws InterruptedException, ExecutionException {
        CompletableFuture<StageResult> a = first.finished();
        CompletableFuture<StageResult> b = second.finished();
        StageResult earliest = (StageResult) CompletableFuture.anyOf(a, b).get();
        if (earliest.succeeded()) {
            CompletableFuture.allOf(a, b).get();
            return;
        }
        RunningStage other = a.isDone() && a.get() == earliest ? second : first;
        try {
            other.finished().get(GRACE_AFTER_FAILURE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            other.kill();
            other.finished().get();
        }
    }

    private static String describe(Step step, Supervision supervision) {
        if (step instanceof Step.Command c) {
            return supervision.redactor().commandLine(c.argv());
        }
        if (step instanceof Step.Writer w) {
            return w.tool() + " (in the JVM)";
        }
        return ((Step.Reader) step).tool() + " (in the JVM)";
    }
}
