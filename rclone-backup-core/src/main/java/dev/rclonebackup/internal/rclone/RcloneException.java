package dev.rclonebackup.internal.rclone;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.secrets.Redactor;

/** rclone exited with a non-zero status; the message names the rclone command and path. */
public class RcloneException extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    /** rclone's exit status for "directory not found". */
    public static final int DIRECTORY_NOT_FOUND = 3;
    /** {@link #exitCode()} of a call that was ended for moving no data ({@code rclone.stall-timeout}). */
    public static final int STALLED = -1;

    private final int exitCode;
    private final String stderr;

    public RcloneException(String message, int exitCode, String stderr) {
        super(ErrorCode.OPERATION_FAILED, message);
        this.exitCode = exitCode;
        this.stderr = Redactor.POSITIONAL.text(stderr);
    }

    /** rclone's exit status, or {@link #STALLED}. */
    public int exitCode() {
        return exitCode;
    }

    /** The tail of what rclone printed on standard error, credentials hidden. */
    public String stderr() {
        return stderr;
    }
}
