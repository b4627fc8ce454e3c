package dev.rclonebackup.rclone;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;

/** rclone exited with a non-zero status. */
public class RcloneException extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String stderr;

    public RcloneException(String message, int exitCode, String stderr) {
        super(ErrorCode.OPERATION_FAILED, message);
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** rclone's exit status. */
    public int exitCode() {
        return exitCode;
    }

    /** The tail of what rclone printed on standard error. */
    public String stderr() {
        return stderr;
    }
}
