package dev.rclonebackup.cli;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import java.util.List;

/**
 * The end of a run over several databases of which some failed: each failure was printed when it
 * happened, so this is only the summary sentence, printed as it is (without {@code Error:}). The
 * failures ride along as suppressed exceptions, for {@code --traceback}.
 */
final class RunSummaryFailure extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    RunSummaryFailure(String summary, List<RcloneBackupException> failures) {
        super(ErrorCode.OPERATION_FAILED, summary);
        failures.forEach(this::addSuppressed);
    }
}
