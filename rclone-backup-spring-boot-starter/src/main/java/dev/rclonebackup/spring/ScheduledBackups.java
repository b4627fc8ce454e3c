package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.MediaBackupOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the backups configured under {@code rclone-backup.schedule} on their cron schedules, on a
 * scheduler thread of its own, each run under {@link ScheduledTaskLock} (lock names
 * {@code rclone-backup-db} and {@code rclone-backup-media}). A failed run is logged and the
 * schedule goes on; the failure shows in the metrics and the health.
 */
public class ScheduledBackups implements SmartLifecycle {
    static final String DB_LOCK = "rclone-backup-db";
    static final String MEDIA_LOCK = "rclone-backup-media";
    private static final Log LOG = LogFactory.getLog(ScheduledBackups.class);

    private final RcloneBackupOperations operations;
    private final RcloneBackupProperties.Schedule schedule;
    private final ScheduledTaskLock lock;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final CronTrigger dbTrigger;
    private final CronTrigger mediaTrigger;
    private ThreadPoolTaskScheduler scheduler;

    /** @throws ConfigurationException naming the cron key whose expression is invalid */
    public ScheduledBackups(
            RcloneBackupOperations operations, RcloneBackupProperties.Schedule schedule, ScheduledTaskLock lock) {
        this.operations = operations;
        this.schedule = schedule;
        this.lock = lock;
        this.dbTrigger =
                trigger("rclone-backup.schedule.db.cron", schedule.getDb().getCron());
        this.mediaTrigger =
                trigger("rclone-backup.schedule.media.cron", schedule.getMedia().getCron());
    }

    /**
     * Backs up the scheduled databases (all configured ones, in configuration order, unless listed),
     * one after the other, cleaning up if configured; a failed database does not stop the others.
     */
    public void backUpDatabases() {
        lock.runLocked(
                DB_LOCK,
                () -> logFailure("databases", () -> {
                    List<String> listed = schedule.getDb().getDatabases();
                    boolean clean = schedule.getDb().isClean();
                    DbBackupsResult result =
                            listed.isEmpty() ? operations.dbBackupAll(clean) : operations.dbBackup(listed, clean);
                    if (!result.succeeded()) {
                        LOG.error("Scheduled run: " + result.failureSummary());
                        for (DbBackupsResult.Outcome failed : result.failures()) {
                            LOG.debug(
                                    "Scheduled backup of database '" + failed.database() + "' failed",
                                    failed.failure());
                        }
                    }
                }));
    }

    /** Backs up the media folder. */
    public void backUpMedia() {
        lock.runLocked(
                MEDIA_LOCK, () -> logFailure("media", () -> operations.mediaBackup(MediaBackupOptions.DEFAULTS)));
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("rclone-backup-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        scheduler.initialize();
        if (dbTrigger != null) {
            schedules.add(scheduler.schedule(this::backUpDatabases, dbTrigger));
        }
        if (mediaTrigger != null) {
            schedules.add(scheduler.schedule(this::backUpMedia, mediaTrigger));
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // Only a backup already running is waited for; the next runs are called off.
            schedules.forEach(future -> future.cancel(false));
            schedules.clear();
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private static CronTrigger trigger(String key, String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return new CronTrigger(expression);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    key + " is not a cron expression (second minute hour day month weekday): " + e.getMessage(), e);
        }
    }

    private static void logFailure(String what, Runnable backup) {
        try {
            backup.run();
        } catch (RuntimeException e) {
            LOG.error("Scheduled backup of " + what + " failed: " + e.getMessage(), e);
        }
    }
}
