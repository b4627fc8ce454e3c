package dev.rclonebackup;

import java.time.Duration;

/**
 * What {@code check} found for one database.
 *
 * @param database the database's alias
 * @param newest   its newest backup, or null when there is none (or the remote could not be listed)
 * @param age      how long before the check the newest backup was modified; null without one
 * @param problem  why the check failed, one sentence; null when it passed
 */
public record CheckResult(String database, BackupFile newest, Duration age, String problem) {

    /** Whether the database passed: its newest backup exists, is recent enough and is not too small. */
    public boolean ok() {
        return problem == null;
    }
}
