package dev.rclonebackup.internal.process;

import java.util.Optional;

/**
 * Outcome of {@link ProcessPipeline#run}: one {@link StageResult} per end.
 */
public record PipelineResult(StageResult producer, StageResult consumer) {

    /** True when both ends succeeded. */
    public boolean succeeded() {
        return producer.succeeded() && consumer.succeeded();
    }

    /**
     * The failure to report: when both ends failed, the one that failed first unless it only
     * died of a broken pipe caused by the other; empty when both succeeded.
     */
    public Optional<StageResult> rootCause() {
        if (succeeded()) {
            return Optional.empty();
        }
        if (producer.succeeded()) {
            return Optional.of(consumer);
        }
        if (consumer.succeeded()) {
            return Optional.of(producer);
        }
        if (producer.brokenPipe() && !consumer.brokenPipe()) {
            return Optional.of(consumer);
        }
        if (consumer.brokenPipe() && !producer.brokenPipe()) {
            return Optional.of(producer);
        }
        return Optional.of(producer.finishedAtNanos() <= consumer.finishedAtNanos() ? producer : consumer);
    }
}
