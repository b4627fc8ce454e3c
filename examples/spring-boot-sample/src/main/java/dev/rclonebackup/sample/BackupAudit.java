package dev.rclonebackup.sample;

import dev.rclonebackup.BackupEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs every stored backup, and refuses backups while maintenance mode is on. */
@Component
public class BackupAudit {
    private static final Logger log = LoggerFactory.getLogger(BackupAudit.class);

    private final List<String> storedBackups = new CopyOnWriteArrayList<>();
    private volatile boolean maintenance;

    @EventListener
    void onBackupStarting(BackupEvent.BeforeDbBackup event) {
        if (maintenance) {
            throw new IllegalStateException("Maintenance in progress: not backing up '" + event.database() + "'");
        }
    }

    @EventListener
    void onBackupStored(BackupEvent.AfterDbBackup event) {
        log.info("Backup of {} stored as {}", event.database(), event.path());
        storedBackups.add(event.path());
    }

    /** The remote paths of the backups stored while this application ran. */
    public List<String> storedBackups() {
        return List.copyOf(storedBackups);
    }

    public void setMaintenance(boolean maintenance) {
        this.maintenance = maintenance;
    }
}
