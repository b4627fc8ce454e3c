package dev.rclonebackup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the command line of every process on the machine ({@code /proc/PID/cmdline}) on a
 * background thread until closed, to prove that a secret never appears in any argv.
 */
public final class CommandLineSampler implements AutoCloseable {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int rounds;

    private CommandLineSampler() {
        thread = new Thread(this::sample, "cmdline-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static CommandLineSampler start() {
        return new CommandLineSampler();
    }

    private void sample() {
        while (running) {
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    read(proc.resolve("cmdline"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc", e);
            }
            rounds++;
        }
    }

    private void read(Path cmdline) {
        try {
            byte[] raw = Files.readAllBytes(cmdline);
            if (raw.length > 0) {
                seen.add(new String(raw, StandardCharsets.UTF_8)
                        .replace('\0', ' ')
                        .strip());
            }
        } catch (IOException gone) {
            // The process ended between listing and reading.
        }
    }

    /** Every distinct command line seen so far. */
    public Set<String> commandLines() {
        return Set.copyOf(seen);
    }

    /** How many full passes over /proc were made. */
    public int rounds() {
        return rounds;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
