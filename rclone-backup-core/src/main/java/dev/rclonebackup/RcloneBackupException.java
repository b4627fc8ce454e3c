package dev.rclonebackup;

import dev.rclonebackup.internal.secrets.Redactor;
import java.util.Objects;

/**
 * Root of every exception thrown by rclone-backup. Its message is one sentence meant for the
 * user (which database, which file, which tool, what it said) and never contains a credential:
 * connection-string parameters, sensitive flag values and URL passwords in it are hidden.
 */
public class RcloneBackupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public RcloneBackupException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /** {@code message} is shown with credentials in recognisable places hidden (see {@link Redactor}). */
    public RcloneBackupException(ErrorCode errorCode, String message, Throwable cause) {
        super(Redactor.POSITIONAL.text(message), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** What kind of failure this is; its {@link ErrorCode#exitCode()} is the CLI's exit status. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
