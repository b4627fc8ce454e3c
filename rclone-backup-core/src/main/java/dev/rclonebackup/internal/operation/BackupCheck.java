package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.settings.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code check}, as a pure function of a database's backups. A database passes when
 * its newest backup exists, is at most {@code maxAge} old, is not empty and, with a minimum size
 * ratio R, is at least R times the previous backup's size. Sizes the remote does not know are not
 * judged. Every rule that fails is named in the problem.
 */
public final class BackupCheck {
    private BackupCheck() {}

    /**
     * @param database     the database's alias
     * @param newestFirst  its backups, newest first (as {@link ListOperations#backups} lists them)
     * @param now          the time of the check
     * @param maxAge       the oldest the newest backup may be
     * @param minSizeRatio the least share of the previous backup's size the newest must have, or null
     */
    public static CheckResult judge(
            String database, List<BackupFile> newestFirst, Instant now, Duration maxAge, Double minSizeRatio) {
        if (newestFirst.isEmpty()) {
            return new CheckResult(database, null, null, "no backups found");
        }
        BackupFile newest = newestFirst.get(0);
        Duration age = Duration.between(newest.modified(), now);
        List<String> problems = new ArrayList<>();
        if (age.compareTo(maxAge) > 0) {
            problems.add("newest backup " + newest.name() + " is " + Durations.approximate(age) + " old (max "
                    + Durations.format(maxAge) + ")");
        }
        if (newest.size() == 0) {
            problems.add("newest backup " + newest.name() + " is empty (0 bytes)");
        } else if (minSizeRatio != null && newestFirst.size() > 1) {
            BackupFile previous = newestFirst.get(1);
            if (newest.size() > 0 && previous.size() > 0 && newest.size() < minSizeRatio * previous.size()) {
                problems.add("newest backup " + newest.name() + " is " + newest.size() + " bytes, less than "
                        + minSizeRatio + " × the previous backup's " + previous.size() + " bytes ("
                        + previous.name() + ")");
            }
        }
        return new CheckResult(database, newest, age, problems.isEmpty() ? null : String.join("; ", problems));
    }
}
