package dev.rclonebackup;

/**
 * Classifies every failure of rclone-backup and carries the process exit status that the
 * command line maps it to.
 */
public enum ErrorCode {
    /** The operation ran and failed: a dump tool, rclone or a restore reported an error. */
    OPERATION_FAILED(1),
    /** The configuration is invalid: unknown key, wrong type, missing remote, bad template. */
    CONFIGURATION(2),
    /** The invocation is invalid: a bad argument, or a prompt that cannot be answered. */
    USAGE(2),
    /** The operation was interrupted (SIGINT, or the calling thread was interrupted). */
    INTERRUPTED(130);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit status a command line should end with for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
