package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.MediaBackupOptions;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * Runs the backups configured under {@code rclone-backup.schedule} as Spring {@link CronTask}s, in
 * {@code rclone-backup.schedule.zone} (the JVM's time zone by default), on a scheduler thread of its
 * own so that a long backup never holds up the application's {@code @Scheduled} methods, each run
 * under {@link ScheduledTaskLock} (lock names {@code rclone-backup-db} and
 * {@code rclone-backup-media}). As a {@link ScheduledTaskHolder} it shows in Actuator's
 * {@code scheduledtasks} endpoint. A failed run is logged and the schedule goes on; the failure
 * shows in the metrics and the health.
 */
public class ScheduledBackups implements SmartLifecycle, ScheduledTaskHolder {
    static final String DB_LOCK = "rclone-backup-db";
    static final String MEDIA_LOCK = "rclone-backup-media";
    private static final Log LOG = LogFactory.getLog(ScheduledBackups.class);

    private final RcloneBackupOperations operations;
    private final RcloneBackupProperties.Schedule schedule;
    private final ScheduledTaskLock lock;
    private final List<CronTask> tasks = new ArrayList<>();
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledTaskRegistrar registrar;

    /** @throws ConfigurationException naming the key whose cron expression or time zone is invalid */
    public ScheduledBackups(
            RcloneBackupOperations operations, RcloneBackupProperties.Schedule schedule, ScheduledTaskLock lock) {
        this.operations = operations;
        this.schedule = schedule;
        this.lock = lock;
        ZoneId zone = zone(schedule.getZone());
        addTask("rclone-backup.schedule.db.cron", schedule.getDb().getCron(), zone, "backUpDatabases");
        addTask("rclone-backup.schedule.media.cron", schedule.getMedia().getCron(), zone, "backUpMedia");
    }

    /** The cron tasks, whether started or not. */
    List<CronTask> cronTasks() {
        return List.copyOf(tasks);
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
        registrar = new ScheduledTaskRegistrar();
        registrar.setTaskScheduler(scheduler);
        tasks.forEach(registrar::addCronTask);
        registrar.afterPropertiesSet();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // Only a backup already running is waited for (not interrupted); the next runs are called off.
            registrar.getScheduledTasks().forEach(task -> task.cancel(false));
            scheduler.shutdown();
            scheduler = null;
            registrar = null;
        }
    }

    @Override
    public synchronized Set<ScheduledTask> getScheduledTasks() {
        return registrar == null ? Set.of() : registrar.getScheduledTasks();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void addTask(String key, String expression, ZoneId zone, String method) {
        if (expression == null || expression.isBlank()) {
            return;
        }
        CronTrigger trigger;
        try {
            trigger = new CronTrigger(expression, zone);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    key + " is not a cron expression (second minute hour day month weekday): " + e.getMessage(), e);
        }
        try {
            // A method runnable, so that Actuator names the task after the method.
            tasks.add(new CronTask(new ScheduledMethodRunnable(this, method), trigger));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigurationException(
                    "rclone-backup.schedule.zone is not a time zone (e.g. Europe/Berlin, UTC, +02:00): "
                            + e.getMessage(),
                    e);
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
