package dev.rclonebackup.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ends a run whose processes have moved no data for a while. Data moving is read from the
 * kernel's I/O counters ({@code rchar} + {@code wchar} in {@code /proc/PID/io}) summed over the
 * watched processes and everything they started: any change, reading or writing a pipe, a file
 * or a socket, counts. Where the counters cannot be read, nothing is ended.
 */
final class StallWatch implements AutoCloseable {
    private static final long MAX_INTERVAL_MILLIS = 1000;
    private static final long MIN_INTERVAL_MILLIS = 50;

    private final Thread thread;
    private volatile boolean stalled;

    private StallWatch(Duration timeout, List<ProcessHandle> roots, Runnable end) {
        this.thread = timeout == null ? null : Daemons.start("stall-watch", () -> watch(timeout, roots, end));
    }

    /**
     * Starts watching {@code roots}; {@code end} runs (once, on the watch's thread) when they moved
     * nothing for {@code timeout}. A null timeout watches nothing.
     */
    static StallWatch start(Duration timeout, List<ProcessHandle> roots, Runnable end) {
        return new StallWatch(timeout, roots, end);
    }

    /** Whether the run was ended for moving no data. */
    boolean stalled() {
        return stalled;
    }

    private void watch(Duration timeout, List<ProcessHandle> roots, Runnable end) {
        long interval = Math.max(MIN_INTERVAL_MILLIS, Math.min(MAX_INTERVAL_MILLIS, timeout.toMillis() / 4));
        long last = counters(roots);
        if (last < 0) {
            return;
        }
        long lastChange = System.nanoTime();
        try {
            while (roots.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(interval);
                long now = counters(roots);
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange >= timeout.toNanos()) {
                    stalled = true;
                    end.run();
                    return;
                }
            }
        } catch (InterruptedException done) {
            // The run has finished.
        }
    }

    /** The summed I/O counters of {@code roots} and their descendants, or -1 when none can be read. */
    private static long counters(List<ProcessHandle> roots) {
        long sum = -1;
        for (ProcessHandle root : roots) {
            List<ProcessHandle> tree =
                    Stream.concat(Stream.of(root), root.descendants()).toList();
            for (ProcessHandle handle : tree) {
                long bytes = ioBytes(handle.pid());
                if (bytes >= 0) {
                    sum = Math.max(sum, 0) + bytes;
                }
            }
        }
        return sum;
    }

    private static long ioBytes(long pid) {
        long total = 0;
        boolean found = false;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("rchar:") || line.startsWith("wchar:")) {
                    total += Long.parseLong(line.substring(6).trim());
                    found = true;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException gone) {
            return -1;
        }
        return found ? total : -1;
    }

    /** Stops watching; when the run was found stalled, first waits until its processes have been ended. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        if (stalled) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            thread.interrupt();
        }
    }
}
