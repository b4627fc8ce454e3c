package dev.rclonebackup.spring;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application is ready, sets the {@code rclone.backup.last.success} gauges of the database
 * backups from the newest backups on the remote, on a thread of its own so that start-up never
 * waits for rclone: after a restart the gauge shows the last backup, not 0.
 */
class LastSuccessFromRemote implements ApplicationListener<ApplicationReadyEvent> {
    private static final Log LOG = LogFactory.getLog(LastSuccessFromRemote.class);

    private final MicrometerBackupMetrics metrics;
    private final RcloneBackupOperations operations;

    LastSuccessFromRemote(MicrometerBackupMetrics metrics, RcloneBackupOperations operations) {
        this.metrics = metrics;
        this.operations = operations;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(this::initialise, "rclone-backup-metrics");
        thread.setDaemon(true);
        thread.start();
    }

    private void initialise() {
        try {
            metrics.initialiseLastSuccess(operations.listBackups(null));
        } catch (RuntimeException e) {
            LOG.warn("The last-success metrics start at 0: listing the backups failed: " + e.getMessage());
        }
    }
}
