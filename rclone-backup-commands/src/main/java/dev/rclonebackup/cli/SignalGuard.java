package dev.rclonebackup.cli;

import dev.rclonebackup.internal.process.ProcessTree;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * Runs the command on a worker thread and turns SIGINT and SIGTERM into an interrupt of that
 * thread, so that the core ends its child processes and removes partial uploads. The exit status
 * is then the shell's convention for the first signal received (128 + its number: 130 for INT,
 * 143 for TERM), once the worker has finished or the clean-up grace period has passed.
 *
 * <p>A thread blocked reading a child's output does not notice an interrupt until the child
 * ends, so child processes still running a few seconds after the signal are ended from here;
 * whatever is left when the command returns (or gives up) is ended too, so that no child
 * outlives the command.
 */
public final class SignalGuard {
    static final long INTERRUPT_GRACE_SECONDS = 5;
    static final long CLEANUP_GRACE_SECONDS = 20;
    private static final int SIGNAL_EXIT_BASE = 128;

    private final CompletableFuture<Integer> received = new CompletableFuture<>();
    private final PrintStream err;

    private SignalGuard(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs {@code command} and returns its exit status, or the status of the signal that interrupted it.
     * Meant for a process that exits once the command has run: the signal handlers stay installed.
     */
    public static int run(IntSupplier command, PrintStream err) {
        return new SignalGuard(err).guard(command);
    }

    private int guard(IntSupplier command) {
        CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        exitStatus.complete(command.getAsInt());
                    } catch (Throwable t) {
                        exitStatus.completeExceptionally(t);
                    }
                },
                "rclone-backup-command");
        handle("INT", worker);
        handle("TERM", worker);
        worker.start();
        CompletableFuture.anyOf(exitStatus, received)
                .exceptionally(failure -> null)
                .join();
        if (!received.isDone()) {
            return exitStatusOf(exitStatus);
        }
        if (!finishesWithin(exitStatus, INTERRUPT_GRACE_SECONDS)) {
            endChildProcesses();
            if (!finishesWithin(exitStatus, CLEANUP_GRACE_SECONDS - INTERRUPT_GRACE_SECONDS)) {
                err.println("Clean-up did not finish within " + CLEANUP_GRACE_SECONDS + " seconds; exiting anyway.");
            }
        }
        endChildProcesses();
        return SIGNAL_EXIT_BASE + received.join();
    }

    /** The command's exit status, or what it threw (it cannot throw checked exceptions). */
    private static int exitStatusOf(CompletableFuture<Integer> exitStatus) {
        try {
            return exitStatus.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private static boolean finishesWithin(CompletableFuture<Integer> exitStatus, long seconds) {
        try {
            exitStatus.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void endChildProcesses() {
        ProcessHandle.current().children().forEach(ProcessTree::destroy);
    }

    /** A signal that cannot be handled here (e.g. the JVM runs with -Xrs) keeps its default action. */
    private void handle(String name, Thread worker) {
        OsSignals.handle(name, number -> {
            if (received.complete(number)) {
                worker.interrupt();
            }
        });
    }
}
