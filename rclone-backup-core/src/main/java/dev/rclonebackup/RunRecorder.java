package dev.rclonebackup;

/**
 * Hands every event to the {@link CommandRun} started on the same thread, if any: operations send
 * their events on the thread that called them.
 */
final class RunRecorder implements BackupListener {
    private final ThreadLocal<CommandRun> current = new ThreadLocal<>();

    void attach(CommandRun run) {
        current.set(run);
    }

    void detach() {
        current.remove();
    }

    @Override
    public void on(BackupEvent event) {
        CommandRun run = current.get();
        if (run != null) {
            run.record(event);
        }
    }
}
