package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Listed in META-INF/services, so every facade built with ServiceLoader discovery calls it. */
public class ServiceLoadedListener extends RecordingListener {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger INSTANCES = new AtomicInteger();

    public ServiceLoadedListener() {
        INSTANCES.incrementAndGet();
    }

    @Override
    public void on(BackupEvent event) {
        if (event instanceof BackupEvent.BeforeDbBackup || event instanceof BackupEvent.AfterDbBackup) {
            EVENTS.add(describe(event));
        }
    }
}
