package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the database events it receives as {@code event database path} strings. */
class RecordingListener implements BackupListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void on(BackupEvent event) {
        if (event.database() != null) {
            events.add(describe(event));
        }
    }

    /** {@code id database[ path]}, e.g. {@code post-db-backup default db/default-….dump}. */
    static String describe(BackupEvent event) {
        return event.type().id() + " " + event.database() + (event.path() == null ? "" : " " + event.path());
    }
}
