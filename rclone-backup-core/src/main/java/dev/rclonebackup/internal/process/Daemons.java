package dev.rclonebackup.internal.process;

/** Starts the small daemon threads that feed and drain child processes. */
final class Daemons {
    private Daemons() {}

    static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, "rclone-backup-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
