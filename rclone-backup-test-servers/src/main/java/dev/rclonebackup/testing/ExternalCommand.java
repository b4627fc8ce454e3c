package dev.rclonebackup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a setup command of a test server (initdb, pg_ctl, mariadb-install-db …) to completion
 * and fails loudly, with the command's own output, when it does not succeed.
 */
public final class ExternalCommand {
    private ExternalCommand() {}

    /**
     * Runs {@code argv} with {@code stdin} (or no input) and returns its standard output and
     * error, interleaved.
     *
     * @throws IllegalStateException when it exits non-zero or outlives {@code timeout}
     */
    public static String run(List<String> argv, String stdin, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("rclone-backup-command-", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(
                        argv.get(0) + " did not finish within " + timeout + ": " + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", argv) + " exited with status " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + argv.get(0), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover log in the temporary folder is harmless.
                }
            }
        }
    }
}
