package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.RcloneBackupException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * What an operation's failure says, and the failure event that tells the listeners. An interrupted
 * operation counts as failed: whoever waits for the backup must learn that it did not happen.
 */
public final class Failures {
    /** The message of an operation ended by an interrupt. */
    public static final String INTERRUPTED = "Interrupted; everything started was stopped and cleaned up.";

    private Failures() {}

    /** The sentence a user reads for {@code failure}, as the facade reports it. */
    public static String message(Throwable failure) {
        if (failure instanceof RcloneBackupException) {
            return failure.getMessage();
        }
        if (failure instanceof InterruptedException) {
            return INTERRUPTED;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return String.valueOf(unchecked.getCause().getMessage());
        }
        return String.valueOf(failure.getMessage());
    }

    /**
     * Sends the failure event {@code event} builds from {@code failure}'s message. The thread's
     * interrupt status is set aside meanwhile, so that a failure hook runs after an interrupt too,
     * and restored afterwards. A listener or hook that fails is a warning: the operation's own
     * error stays the one reported.
     */
    static void report(Context context, Throwable failure, Function<String, BackupEvent> event) {
        boolean interrupted = Thread.interrupted();
        try {
            context.listener().on(event.apply(message(failure)));
        } catch (RuntimeException listenerFailure) {
            context.reporter().warning(message(listenerFailure));
            for (Throwable more : listenerFailure.getSuppressed()) {
                context.reporter().warning(message(more));
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
