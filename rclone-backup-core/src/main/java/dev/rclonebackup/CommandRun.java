package dev.rclonebackup;

import dev.rclonebackup.internal.notify.HttpNotifier;
import dev.rclonebackup.internal.notify.Notification;
import dev.rclonebackup.internal.operation.Failures;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of a command, from {@link RcloneBackup#startRun} to {@link #succeeded()} or
 * {@link #failed}: what the {@code notify.*-url} settings hear about. However many operations the
 * run calls on its thread (one database or several), it sends one start and one final
 * notification, listing every database and backup path its operations' events named.
 */
public final class CommandRun {
    private final String command;
    private final Set<String> databases = new LinkedHashSet<>();
    private final Set<String> paths = new LinkedHashSet<>();
    private final HttpNotifier notifier;
    private final Clock clock;
    private final Runnable detach;
    private final Instant started;
    private String host;
    private boolean finished;

    CommandRun(String command, Collection<String> databases, HttpNotifier notifier, Clock clock, Runnable detach) {
        this.command = command;
        this.databases.addAll(databases);
        this.notifier = notifier;
        this.clock = clock;
        this.detach = detach;
        this.started = clock.instant();
    }

    /** Sends the start notification. */
    void start() {
        send(Notification.START, null);
    }

    /** Takes note of the databases and paths an operation of this run names. */
    synchronized void record(BackupEvent event) {
        if (event.database() != null) {
            databases.add(event.database());
        }
        if (event.path() != null) {
            paths.add(event.path());
        }
    }

    /** The run ended well: sends the success notification (once; later calls do nothing). */
    public void succeeded() {
        finish(Notification.SUCCESS, null);
    }

    /**
     * The run failed or was interrupted with {@code failure}: sends the failure notification with
     * its message (once; later calls do nothing).
     */
    public void failed(Throwable failure) {
        finish(Notification.FAILURE, Failures.message(failure));
    }

    private void finish(String status, String error) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        detach.run();
        send(status, error);
    }

    private void send(String status, String error) {
        if (!notifier.isEnabled()) {
            return;
        }
        Notification notification;
        synchronized (this) {
            notification = new Notification(
                    command,
                    status,
                    new ArrayList<>(databases),
                    List.copyOf(paths),
                    error,
                    started,
                    status.equals(Notification.START) ? null : clock.instant(),
                    host());
        }
        notifier.send(notification);
    }

    private String host() {
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host;
    }
}
