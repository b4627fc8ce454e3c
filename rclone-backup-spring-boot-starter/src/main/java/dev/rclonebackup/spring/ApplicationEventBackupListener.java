package dev.rclonebackup.spring;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each {@link BackupEvent} as an application event: an {@code @EventListener} method
 * taking one of its records (or {@code BackupEvent} for all of them) receives it, synchronously,
 * on the thread running the operation.
 */
public class ApplicationEventBackupListener implements BackupListener {
    private final ApplicationEventPublisher publisher;

    public ApplicationEventBackupListener(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void on(BackupEvent event) {
        publisher.publishEvent(event);
    }
}
