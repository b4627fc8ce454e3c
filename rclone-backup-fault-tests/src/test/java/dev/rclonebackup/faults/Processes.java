package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signals and process-list checks, done the way a user would: with kill(1). */
final class Processes {
    private Processes() {}

    /** Sends {@code signal} (INT, TERM, KILL) to {@code pid}. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
                    .as("kill -%s %d succeeded", signal, pid)
                    .isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the command line of {@code handle} has {@code word} as one of its arguments. */
    static boolean hasArgument(ProcessHandle handle, String word) {
        return handle.info().arguments().map(List::of).orElse(List.of()).contains(word);
    }

    /** True when {@code handle} runs an executable whose file name is {@code name}. */
    static boolean runs(ProcessHandle handle, String name) {
        return handle.info()
                .command()
                .map(command -> command.endsWith("/" + name) || command.equals(name))
                .orElse(false);
    }

    /** Waits up to ten seconds for every one of {@code processes} to be gone. */
    static boolean allEnded(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(50));
        }
        return true;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
