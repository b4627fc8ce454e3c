package dev.rclonebackup.internal.process;

import dev.rclonebackup.Reporter;
import java.util.concurrent.CompletableFuture;

/** A started external process whose standard error (and unused standard output) is being drained. */
final class ProcessStage implements RunningStage {
    private static final long DRAIN_AFTER_EXIT_MILLIS = 5000;

    private final Process process;
    private final String tool;
    private final OutputDrain stderr;
    private final OutputDrain stdout;
    private final CompletableFuture<StageResult> finished = new CompletableFuture<>();

    /**
     * @param drainStdout true when nobody else reads the process's standard output (the last
     *                    stage); it is then drained like standard error
     */
    ProcessStage(Process process, String tool, boolean drainStdout, Reporter reporter) {
        this.process = process;
        this.tool = tool;
        this.stderr = OutputDrain.start(process.getErrorStream(), tool, reporter);
        this.stdout = drainStdout ? OutputDrain.start(process.getInputStream(), tool, reporter) : null;
        Daemons.start("wait-" + tool, this::awaitExit);
    }

    private void awaitExit() {
        try {
            int exit = process.waitFor();
            long at = System.nanoTime();
            String errors = stderr.await(DRAIN_AFTER_EXIT_MILLIS);
            if (stdout != null) {
                String out = stdout.await(DRAIN_AFTER_EXIT_MILLIS);
                if (errors.isEmpty()) {
                    errors = out;
                }
            }
            finished.complete(new StageResult(tool, exit, errors, BrokenPipe.isBrokenPipe(exit, errors), at));
        } catch (InterruptedException e) {
            finished.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<StageResult> finished() {
        return finished;
    }

    @Override
    public void kill() {
        ProcessTree.destroy(process);
    }

    @Override
    public ProcessHandle handle() {
        return process.toHandle();
    }
}
