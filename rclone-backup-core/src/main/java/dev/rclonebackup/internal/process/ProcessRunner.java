package dev.rclonebackup.internal.process;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs one external command to completion: writes {@code stdin} to it, collects its standard
 * output, drains its standard error concurrently into a {@link TailBuffer}, and on interrupt
 * ends its whole process tree. For streaming two processes into each other, see
 * {@link ProcessPipeline}.
 */
public final class ProcessRunner {
    private ProcessRunner() {}

    /**
     * @param command  what to run; its environment is added to the inherited one
     * @param stdin    bytes for its standard input, or {@code null} for none (empty input)
     * @param reporter receives the command line (detail) and its stderr lines (tool output)
     * @throws ToolNotFoundException when the executable does not exist
     * @throws InterruptedException  when interrupted; the process tree has been ended then
     */
    public static ProcessResult run(Step.Command command, byte[] stdin, Reporter reporter)
            throws IOException, InterruptedException {
        return run(command, stdin, reporter, Supervision.NONE);
    }

    /**
     * As {@link #run(Step.Command, byte[], Reporter)}, watched by {@code supervision}: the command
     * line is reported through its redactor, and a process tree that moves no data for its stall
     * timeout is ended.
     *
     * @throws StalledException when the process was ended for moving no data
     */
    public static ProcessResult run(Step.Command command, byte[] stdin, Reporter reporter, Supervision supervision)
            throws IOException, InterruptedException {
        reporter.detail("Running: " + supervision.redactor().commandLine(command.argv()));
        Process process = ProcessStarter.start(command);
        String tool = command.tool();
        OutputDrain stderr = OutputDrain.start(process.getErrorStream(), tool, reporter);
        // Input goes through a thread of its own, as it may not fit in the pipe; no input is just closed.
        Thread feeder = null;
        if (stdin == null) {
            feed(process, new byte[0]);
        } else {
            feeder = Daemons.start("stdin-" + tool, () -> feed(process, stdin));
        }
        CompletableFuture<byte[]> stdout = new CompletableFuture<>();
        Daemons.start("stdout-" + tool, () -> {
            try (InputStream in = process.getInputStream()) {
                stdout.complete(in.readAllBytes());
            } catch (IOException e) {
                stdout.completeExceptionally(e);
            }
        });
        try (StallWatch watch = StallWatch.start(
                supervision.stallTimeout(), List.of(process.toHandle()), () -> ProcessTree.destroy(process))) {
            int exit = process.waitFor();
            if (feeder != null) {
                feeder.join();
            }
            ProcessResult result = new ProcessResult(exit, stdout.get(), stderr.await());
            if (watch.stalled()) {
                throw new StalledException(supervision.stallTimeout());
            }
            return result;
        } catch (InterruptedException | RuntimeException e) {
            ProcessTree.destroy(process);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException(
                    "could not read the output of " + tool + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Runs {@code command} with its standard input written by {@code stdin} on a thread of its own,
     * e.g. a stream passed through a filter. When the writer fails for a reason of its own (not
     * because the process stopped reading), the process is ended and the writer's error thrown;
     * otherwise the result tells how the process ended.
     *
     * @throws InterruptedException when interrupted; the process tree has been ended then
     */
    public static ProcessResult runFed(Step.Command command, Step.StreamWriter stdin, Reporter reporter)
            throws IOException, InterruptedException {
        reporter.detail("Running: " + String.join(" ", command.argv()));
        Process process = ProcessStarter.start(command);
        String tool = command.tool();
        OutputDrain stderr = OutputDrain.start(process.getErrorStream(), tool, reporter);
        OutputDrain stdout = OutputDrain.start(process.getInputStream(), tool, reporter);
        CompletableFuture<IOException> written = new CompletableFuture<>();
        Daemons.start("stdin-" + tool, () -> {
            try (OutputStream out = process.getOutputStream()) {
                stdin.writeTo(out);
                written.complete(null);
            } catch (IOException e) {
                written.complete(e);
            } catch (RuntimeException e) {
                written.complete(new IOException(e.getMessage(), e));
            }
        });
        try {
            IOException writeFailure;
            try {
                writeFailure = written.get();
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
            if (writeFailure != null && !BrokenPipe.isBrokenPipe(writeFailure)) {
                ProcessTree.destroy(process);
                process.waitFor();
                throw writeFailure;
            }
            int exit = process.waitFor();
            stdout.await();
            return new ProcessResult(exit, new byte[0], stderr.await());
        } catch (InterruptedException | RuntimeException e) {
            ProcessTree.destroy(process);
            throw e;
        }
    }

    /** Writes {@code bytes} to the process's standard input and closes it. */
    private static void feed(Process process, byte[] bytes) {
        try (OutputStream out = process.getOutputStream()) {
            out.write(bytes);
        } catch (IOException ignored) {
            // The process closed its input early; its exit status tells what happened.
        }
    }
}
