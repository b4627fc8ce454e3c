package dev.rclonebackup.internal.process;

/**
 * How one end of a pipeline finished.
 *
 * @param tool            the tool's name, e.g. {@code pg_dump} or {@code rclone}
 * @param exitCode        its exit status (0 for an in-JVM step that returned normally)
 * @param stderr          the tail of its standard error, or the in-JVM step's error message
 * @param brokenPipe      true when it failed only because the other end stopped reading or
 *                        writing (SIGPIPE, {@code EPIPE}, "broken pipe")
 * @param finishedAtNanos {@link System#nanoTime()} when it ended, to order failures
 */
public record StageResult(String tool, int exitCode, String stderr, boolean brokenPipe, long finishedAtNanos) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
