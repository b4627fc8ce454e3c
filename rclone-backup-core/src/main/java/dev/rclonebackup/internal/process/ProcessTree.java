package dev.rclonebackup.internal.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started. {@link Process#destroy()} alone does not reach
 * grandchildren (a shell wrapper's children, rclone's helpers), so the descendants are
 * snapshotted first.
 */
public final class ProcessTree {
    private static final long GRACE_MILLIS = 3000;

    private ProcessTree() {}

    /** Sends SIGTERM to the tree, then SIGKILL to whatever is still alive after a grace period. */
    public static void destroy(Process process) {
        destroy(process.toHandle());
    }

    public static void destroy(ProcessHandle root) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception stillAlive) {
                // Falls through to the forced kill below.
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }
}
