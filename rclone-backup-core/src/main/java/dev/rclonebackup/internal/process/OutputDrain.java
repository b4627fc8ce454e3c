package dev.rclonebackup.internal.process;

import dev.rclonebackup.Reporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's standard error (or an output nobody else reads) on its own thread until end of stream, keeping the tail in
 * a {@link TailBuffer} and passing each line to {@link Reporter#toolOutput}. A tool that prints
 * without end therefore never blocks on a full pipe and never fills the heap.
 */
final class OutputDrain {
    private static final int MAX_LINE = 8 * 1024;

    private final TailBuffer tail = new TailBuffer();
    private final Thread thread;

    private OutputDrain(InputStream stderr, String tool, Reporter reporter) {
        this.thread = Daemons.start("drain-" + tool, () -> drain(stderr, tool, reporter));
    }

    /** Drains {@code stream} (a process's standard error, or an output nobody consumes). */
    static OutputDrain start(InputStream stream, String tool, Reporter reporter) {
        return new OutputDrain(stream, tool, reporter);
    }

    private void drain(InputStream stderr, String tool, Reporter reporter) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (stderr) {
            int n;
            while ((n = stderr.read(buffer)) > 0) {
                tail.write(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        emit(line, tool, reporter);
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                }
            }
            emit(line, tool, reporter);
        } catch (IOException ignored) {
            // The stream was closed because the process was ended; what was read is kept.
        }
    }

    private static void emit(ByteArrayOutputStream line, String tool, Reporter reporter) {
        if (line.size() > 0) {
            reporter.toolOutput(tool, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    /** Waits for end of stream and returns the kept tail. */
    String await() throws InterruptedException {
        thread.join();
        return tail.text();
    }

    /**
     * Waits at most {@code millis} for end of stream (a grandchild may keep the stream open after
     * the process itself exited) and returns the kept tail.
     */
    String await(long millis) throws InterruptedException {
        thread.join(millis);
        return tail.text();
    }

    /** The tail read so far, without waiting. */
    String current() {
        return tail.text();
    }
}
