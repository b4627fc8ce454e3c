package dev.rclonebackup.connector;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.process.PipelineResult;
import dev.rclonebackup.internal.process.ProcessPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Real rclone uploads and downloads to a local file, for connector round trips. */
public final class RcloneSteps {
    private RcloneSteps() {}

    /** {@code rclone rcat FILE}: uploads its standard input. */
    public static Step.Command rcat(Path file) {
        return Step.command(List.of("rclone", "--config", "/dev/null", "rcat", file.toString()), "rclone");
    }

    /** {@code rclone cat FILE}: downloads to its standard output. */
    public static Step.Command cat(Path file) {
        return Step.command(List.of("rclone", "--config", "/dev/null", "cat", file.toString()), "rclone");
    }

    /** Streams {@code dump} into {@code rclone rcat FILE}, then closes the dump. */
    public static PipelineResult backup(Dump dump, Path file) throws IOException, InterruptedException {
        try (dump) {
            dump.prepareDump();
            return ProcessPipeline.run(dump.step(), rcat(file), Reporter.SILENT);
        }
    }

    /**
     * Streams {@code rclone cat FILE} into {@code restore} the way the core does: its inspections
     * first (stopping at the first that fails), then prepare, stream, commit on success or abort
     * on failure, and close.
     */
    public static PipelineResult restore(Restore restore, Path file) throws IOException, InterruptedException {
        try (restore) {
            for (Optional<Step.Command> next = restore.nextInspection();
                    next.isPresent();
                    next = restore.nextInspection()) {
                PipelineResult inspected = ProcessPipeline.run(cat(file), next.get(), Reporter.SILENT);
                if (!inspected.consumer().succeeded()) {
                    return inspected;
                }
            }
            restore.prepare(Reporter.SILENT);
            PipelineResult result;
            try {
                result = ProcessPipeline.run(cat(file), restore.step(), Reporter.SILENT);
            } catch (IOException | InterruptedException | RuntimeException e) {
                restore.abort();
                throw e;
            }
            if (result.succeeded()) {
                restore.commit();
            } else {
                restore.abort();
            }
            return result;
        }
    }
}
