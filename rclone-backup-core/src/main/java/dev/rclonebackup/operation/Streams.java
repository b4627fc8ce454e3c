package dev.rclonebackup.operation;

import dev.rclonebackup.connector.Step;
import dev.rclonebackup.process.PipelineResult;
import dev.rclonebackup.process.ProcessPipeline;
import dev.rclonebackup.process.ToolNotFoundException;

import java.io.IOException;

/** Runs a database stream through the process pipeline, explaining a missing rclone the way the client does. */
final class Streams {
    private Streams() {
    }

    static PipelineResult run(Context context, Step producer, Step consumer) throws IOException, InterruptedException {
        try {
            return ProcessPipeline.run(producer, consumer, context.reporter());
        } catch (ToolNotFoundException e) {
            throw e.tool().equals(context.settings().rcloneBinary()) ? context.rclone().explain(e) : e;
        }
    }
}
