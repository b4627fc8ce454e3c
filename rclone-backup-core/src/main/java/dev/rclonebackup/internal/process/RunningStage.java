package dev.rclonebackup.internal.process;

import java.util.concurrent.CompletableFuture;

/** One started end of a pipeline: a process, or an in-JVM writer or reader on its own thread. */
interface RunningStage {

    /** Completes when the stage has ended and its output has been drained. */
    CompletableFuture<StageResult> finished();

    /** Ends the stage now: the process tree, or the in-JVM thread. */
    void kill();

    /** The process behind this stage, for I/O counters; null for an in-JVM stage. */
    default ProcessHandle handle() {
        return null;
    }
}
