package dev.rclonebackup.process;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;

import java.io.IOException;

/**
 * Streams a producer into a consumer: {@code producer | consumer}. When both are external
 * commands they are joined by an operating-system pipe ({@link ProcessBuilder#startPipeline}),
 * so the data never passes through the JVM; an in-JVM {@link Step.Writer} or {@link Step.Reader}
 * is connected to the other process's standard input or output instead.
 *
 * <p>Every process's standard error is drained concurrently into a bounded buffer. The call
 * waits for both ends and reports each one's exit status; on interrupt, both process trees are
 * ended before {@link InterruptedException} is thrown.
 */
public final class ProcessPipeline {
    private ProcessPipeline() {
    }

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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
