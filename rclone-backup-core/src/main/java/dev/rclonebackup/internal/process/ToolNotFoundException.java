package dev.rclonebackup.internal.process;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;

/** An external tool could not be started because its executable does not exist. */
public class ToolNotFoundException extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    private final String tool;

    public ToolNotFoundException(String tool, String message) {
        super(ErrorCode.OPERATION_FAILED, message);
        this.tool = tool;
    }

    /** The executable as it was given (a name looked up on PATH, or a path). */
    public String tool() {
        return tool;
    }
}
