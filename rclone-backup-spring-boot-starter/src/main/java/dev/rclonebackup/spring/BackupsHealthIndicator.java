package dev.rclonebackup.spring;

import dev.rclonebackup.BackupFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when every configured database has a backup newer than {@code rclone-backup.health.max-age};
 * DOWN when one has none, or only older ones, or when the remote cannot be listed. The details
 * show each database's newest backup, its time and its age.
 */
public class BackupsHealthIndicator extends AbstractHealthIndicator {
    private final RcloneBackupOperations operations;
    private final Duration maxAge;
    private final Clock clock;

    public BackupsHealthIndicator(RcloneBackupOperations operations, Duration maxAge, Clock clock) {
        super("Listing the backups failed");
        this.operations = operations;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<BackupFile> backups = operations.listBackups(null);
        Instant now = clock.instant();
        boolean allFresh = true;
        Map<String, Object> databases = new LinkedHashMap<>();
        for (String database : operations.settings().databases().keySet()) {
            Optional<BackupFile> newest = backups.stream()
                    .filter(backup -> backup.database().equals(database))
                    .max(Comparator.comparing(BackupFile::modified));
            Map<String, Object> details = new LinkedHashMap<>();
            if (newest.isEmpty()) {
                allFresh = false;
                details.put("status", "no backup");
            } else {
                Duration age = Duration.between(newest.get().modified(), now);
                boolean fresh = age.compareTo(maxAge) <= 0;
                allFresh &= fresh;
                details.put("status", fresh ? "fresh" : "too old");
                details.put("newest", newest.get().name());
                details.put("modified", newest.get().modified().toString());
                details.put("age", age.withNanos(0).toString());
            }
            databases.put(database, details);
        }
        builder.status(allFresh ? "UP" : "DOWN")
                .withDetail("maxAge", maxAge.toString())
                .withDetail("databases", databases);
    }
}
