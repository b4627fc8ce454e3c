package dev.rclonebackup.spring;

/**
 * Runs a scheduled backup under a cluster-wide lock, so that of several instances of an
 * application only one runs it.
 */
@FunctionalInterface
public interface ScheduledTaskLock {

    /** No lock: every instance runs every scheduled backup. */
    ScheduledTaskLock NONE = (name, task) -> task.run();

    /**
     * Runs {@code task} if the lock {@code name} can be taken now, and does nothing otherwise.
     */
    void runLocked(String name, Runnable task);
}
