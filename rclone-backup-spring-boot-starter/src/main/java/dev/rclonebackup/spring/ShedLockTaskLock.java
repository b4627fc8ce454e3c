package dev.rclonebackup.spring;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/** A {@link ScheduledTaskLock} backed by the application's ShedLock {@link LockProvider}. */
public class ShedLockTaskLock implements ScheduledTaskLock {
    private final LockingTaskExecutor executor;
    private final Duration atMostFor;
    private final Duration atLeastFor;
    private final Clock clock;

    public ShedLockTaskLock(LockProvider lockProvider, Duration atMostFor, Duration atLeastFor, Clock clock) {
        this.executor = new DefaultLockingTaskExecutor(lockProvider);
        this.atMostFor = atMostFor;
        this.atLeastFor = atLeastFor;
        this.clock = clock;
    }

    @Override
    public void runLocked(String name, Runnable task) {
        executor.executeWithLock(task, new LockConfiguration(clock.instant(), name, atMostFor, atLeastFor));
    }
}
