package dev.rclonebackup.internal.process;

import dev.rclonebackup.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports how many bytes a pipeline has streamed, once a second, without touching the data:
 * it reads the kernel's I/O counters of the producer process ({@code wchar} in
 * {@code /proc/PID/io}), or of the consumer ({@code rchar}) when the producer runs in the JVM.
 * Where those counters are unavailable it reports nothing.
 */
final class ProgressMonitor implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 1000;

    private final Thread thread;
    private final Reporter reporter;
    private volatile boolean reported;

    private ProgressMonitor(Path counters, String field, Reporter reporter) {
        this.reporter = reporter;
        this.thread = Daemons.start("progress", () -> poll(counters, field));
    }

    static ProgressMonitor start(RunningStage producer, RunningStage consumer, Reporter reporter) {
        ProcessHandle handle = producer.handle() != null ? producer.handle() : consumer.handle();
        String field = producer.handle() != null ? "wchar" : "rchar";
        return new ProgressMonitor(Path.of("/proc", Long.toString(handle.pid()), "io"), field, reporter);
    }

    private void poll(Path counters, String field) {
        long started = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(INTERVAL_MILLIS);
                long bytes = read(counters, field);
                if (bytes < 0) {
                    return;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                reported = true;
                reporter.progress(bytes, bytes / seconds);
            }
        } catch (InterruptedException done) {
            // The pipeline has finished.
        }
    }

    private static long read(Path counters, String field) {
        try {
            for (String line : Files.readAllLines(counters)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim());
                }
            }
        } catch (IOException | NumberFormatException | SecurityException gone) {
            // The process has exited, or /proc is not there.
        }
        return -1;
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reported) {
            reporter.progressDone();
        }
    }
}
