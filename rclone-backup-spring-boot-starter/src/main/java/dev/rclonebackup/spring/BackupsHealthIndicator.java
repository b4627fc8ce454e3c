package dev.rclonebackup.spring;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.CheckResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;

/**
 * The backups' health from {@code check}: UP when every configured database has a backup newer
 * than {@code rclone-backup.health.max-age} (not empty, not too small); DOWN when one fails. A
 * database without any backup is UNKNOWN, not DOWN, until {@code rclone-backup.health.grace-period}
 * has passed since start-up (see {@link HealthVerdict}).
 *
 * <p>A probe never calls rclone: it answers from the last check, and when that is older than
 * {@code rclone-backup.health.refresh-interval} (or a backup or restore has completed since)
 * starts a new one on a thread of its own. Until the first check is done the status is UNKNOWN.
 */
public class BackupsHealthIndicator implements HealthIndicator, DisposableBean {
    private static final Log LOG = LogFactory.getLog(BackupsHealthIndicator.class);

    private final RcloneBackupOperations operations;
    private final Duration maxAge;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Instant gracePeriodEnds;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rclone-backup-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Check last;
    private volatile boolean stale = true;

    /**
     * @param gracePeriod     how long after start-up a database without backups is not DOWN
     * @param refreshInterval how long a check's result is used before the next probe starts a new one
     */
    public BackupsHealthIndicator(
            RcloneBackupOperations operations,
            Duration maxAge,
            Duration gracePeriod,
            Duration refreshInterval,
            Clock clock) {
        this.operations = operations;
        this.maxAge = maxAge;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        this.gracePeriodEnds = clock.instant().plus(gracePeriod);
    }

    @Override
    public Health health(boolean includeDetails) {
        Instant now = clock.instant();
        Check check = last;
        if (stale || check == null || !now.isBefore(check.at().plus(refreshInterval))) {
            startCheck();
        }
        boolean inGracePeriod = now.isBefore(gracePeriodEnds);
        Health.Builder health =
                check == null ? Health.unknown().withDetail("checked", "not yet") : check.health(inGracePeriod);
        health.withDetail("maxAge", maxAge.toString());
        if (inGracePeriod) {
            health.withDetail("gracePeriodEnds", gracePeriodEnds.toString());
        }
        Health result = health.build();
        return includeDetails ? result : Health.status(result.getStatus()).build();
    }

    @Override
    public Health health() {
        return health(true);
    }

    /** A completed backup or restore changes the answer: the next probe checks again. */
    @EventListener({BackupEvent.AfterDbBackup.class, BackupEvent.AfterDbRestore.class})
    public void backupsChanged() {
        stale = true;
        startCheck();
    }

    private void startCheck() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        stale = false;
        try {
            checker.execute(this::check);
        } catch (RuntimeException e) { // shut down
            checking.set(false);
        }
    }

    private void check() {
        try {
            last = new Check(clock.instant(), operations.check(List.of(), maxAge), null);
        } catch (RuntimeException e) {
            LOG.warn("Checking the backups failed: " + e.getMessage());
            last = new Check(clock.instant(), List.of(), e.getMessage());
        } finally {
            checking.set(false);
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }

    private record Check(Instant at, List<CheckResult> results, String error) {
        Health.Builder health(boolean inGracePeriod) {
            if (error != null) {
                return Health.down().withDetail("checked", at.toString()).withDetail("error", error);
            }
            Map<String, Object> databases = new LinkedHashMap<>();
            for (CheckResult result : results) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("ok", result.ok());
                if (result.newest() != null) {
                    details.put("newest", result.newest().name());
                    details.put("modified", result.newest().modified().toString());
                    details.put("age", result.age().withNanos(0).toString());
                }
                if (!result.ok()) {
                    details.put("problem", result.problem());
                }
                databases.put(result.database(), details);
            }
            Status status = HealthVerdict.status(results, inGracePeriod);
            return Health.status(status).withDetail("checked", at.toString()).withDetail("databases", databases);
        }
    }
}
