package dev.rclonebackup.spring;

import dev.rclonebackup.BackupListener;
import org.springframework.context.ApplicationEventPublisher;

/** Publishes each backup event as a {@link BackupEvent} application event. */
public class ApplicationEventBackupListener implements BackupListener {
    private final ApplicationEventPublisher publisher;

    public ApplicationEventBackupListener(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void beforeDbBackup(String database) {
        publisher.publishEvent(new BackupEvent.BeforeDbBackup(database));
    }

    @Override
    public void afterDbBackup(String database, String path) {
        publisher.publishEvent(new BackupEvent.AfterDbBackup(database, path));
    }

    @Override
    public void beforeDbRestore(String database, String path) {
        publisher.publishEvent(new BackupEvent.BeforeDbRestore(database, path));
    }

    @Override
    public void afterDbRestore(String database) {
        publisher.publishEvent(new BackupEvent.AfterDbRestore(database));
    }

    @Override
    public void beforeMediaBackup() {
        publisher.publishEvent(new BackupEvent.BeforeMediaBackup());
    }

    @Override
    public void afterMediaBackup() {
        publisher.publishEvent(new BackupEvent.AfterMediaBackup());
    }

    @Override
    public void beforeMediaRestore() {
        publisher.publishEvent(new BackupEvent.BeforeMediaRestore());
    }

    @Override
    public void afterMediaRestore() {
        publisher.publishEvent(new BackupEvent.AfterMediaRestore());
    }
}
