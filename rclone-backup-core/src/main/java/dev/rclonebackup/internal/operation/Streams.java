package dev.rclonebackup.internal.operation;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.PipelineResult;
import dev.rclonebackup.internal.process.ProcessPipeline;
import dev.rclonebackup.internal.process.StalledException;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import dev.rclonebackup.internal.rclone.RcloneLog;
import java.io.IOException;

/**
 * Runs a database stream through the process pipeline, watched as the rclone client watches its
 * transfers, explaining a missing rclone the way the client does.
 */
final class Streams {
    private Streams() {}

    /**
     * @param operation what the stream is for, starting the message of a stall, e.g.
     *                  {@code Backup of database 'default' to db/x.dump}
     * @throws RcloneBackupException naming the rclone command when the stream moved no data for
     *                               {@code rclone.stall-timeout}; both ends have been ended then
     */
    static PipelineResult run(Context context, Step producer, Step consumer, String operation)
            throws IOException, InterruptedException {
        try {
            return ProcessPipeline.run(
                    producer,
                    consumer,
                    RcloneLog.textToolOutput(
                            context.reporter(), context.settings().rcloneBinary()),
                    context.rclone().streaming());
        } catch (ToolNotFoundException e) {
            throw e.tool().equals(context.settings().rcloneBinary())
                    ? context.rclone().explain(e)
                    : e;
        } catch (StalledException e) {
            Step.Command rclone = (Step.Command) (isRclone(context, consumer) ? consumer : producer);
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    operation + " failed: "
                            + context.rclone().stalled(rclone, e).getMessage(),
                    e);
        }
    }

    private static boolean isRclone(Context context, Step step) {
        return step instanceof Step.Command command
                && command.tool().equals(context.settings().rcloneBinary());
    }
}
