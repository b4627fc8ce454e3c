package dev.rclonebackup.operation;

import dev.rclonebackup.BackupListener;

import java.util.List;

/** Calls several listeners in order; the first exception stops the call and propagates. */
public final class Listeners implements BackupListener {
    private final List<BackupListener> listeners;

    public Listeners(List<BackupListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void beforeDbBackup(String database) {
        listeners.forEach(l -> l.beforeDbBackup(database));
    }

    @Override
    public void afterDbBackup(String database, String path) {
        listeners.forEach(l -> l.afterDbBackup(database, path));
    }

    @Override
    public void beforeDbRestore(String database, String path) {
        listeners.forEach(l -> l.beforeDbRestore(database, path));
    }

    @Override
    public void afterDbRestore(String database) {
        listeners.forEach(l -> l.afterDbRestore(database));
    }

    @Override
    public void beforeMediaBackup() {
        listeners.forEach(BackupListener::beforeMediaBackup);
    }

    @Override
    public void afterMediaBackup() {
        listeners.forEach(BackupListener::afterMediaBackup);
    }

    @Override
    public void beforeMediaRestore() {
        listeners.forEach(BackupListener::beforeMediaRestore);
    }

    @Override
    public void afterMediaRestore() {
        listeners.forEach(BackupListener::afterMediaRestore);
    }
}
