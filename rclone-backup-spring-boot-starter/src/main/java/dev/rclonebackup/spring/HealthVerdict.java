package dev.rclonebackup.spring;

import dev.rclonebackup.CheckResult;
import java.util.List;
import org.springframework.boot.health.contributor.Status;

/** The health status that {@code check}'s results amount to. */
final class HealthVerdict {
    private HealthVerdict() {}

    /**
     * UP when every database passed. A database without any backup found only counts as failed
     * once the grace period after start-up is over (a fresh deployment has not made its first backup
     * yet): before, it makes the status UNKNOWN. Any other failure (a backup too old, empty or too
     * small) is DOWN at once.
     */
    static Status status(List<CheckResult> results, boolean inGracePeriod) {
        boolean waiting = false;
        for (CheckResult result : results) {
            if (result.ok()) {
                continue;
            }
            if (inGracePeriod && result.newest() == null) {
                waiting = true;
            } else {
                return Status.DOWN;
            }
        }
        return waiting ? Status.UNKNOWN : Status.UP;
    }
}
