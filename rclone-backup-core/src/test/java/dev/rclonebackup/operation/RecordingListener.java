package dev.rclonebackup.operation;

import dev.rclonebackup.BackupListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the events it receives as {@code event database path} strings. */
class RecordingListener implements BackupListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void beforeDbBackup(String database) {
        events.add("pre-db-backup " + database);
    }

    @Override
    public void afterDbBackup(String database, String path) {
        events.add("post-db-backup " + database + " " + path);
    }

    @Override
    public void beforeDbRestore(String database, String path) {
        events.add("pre-db-restore " + database + " " + path);
    }

    @Override
    public void afterDbRestore(String database) {
        events.add("post-db-restore " + database);
    }
}
