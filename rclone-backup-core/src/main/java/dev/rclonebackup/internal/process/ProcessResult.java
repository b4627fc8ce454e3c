package dev.rclonebackup.internal.process;

/**
 * Result of a finished one-shot process.
 *
 * @param exitCode its exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   the last 64 KiB of what it wrote to standard error, decoded as UTF-8
 */
public record ProcessResult(int exitCode, byte[] stdout, String stderr) {

    public String stdoutText() {
        return new String(stdout, java.nio.charset.StandardCharsets.UTF_8);
    }
}
