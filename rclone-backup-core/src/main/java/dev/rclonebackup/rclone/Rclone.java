package dev.rclonebackup.rclone;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.settings.Settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rclone client: runs the configured rclone binary with the configured config file and
 * extra flags. Every method takes full rclone paths ({@code remote:path} or a local path); see
 * {@link dev.rclonebackup.naming.RemotePaths} for joining. A non-zero exit becomes an
 * {@link RcloneException} with rclone's exit code and stderr.
 */
public final class Rclone {
    private final String binary;
    private final Path config;
    private final List<String> flags;
    private final Reporter reporter;

    public Rclone(String binary, Path config, List<String> flags, Reporter reporter) {
        this.binary = binary;
        this.config = config;
        this.flags = List.copyOf(flags);
        this.reporter = reporter;
    }

    public static Rclone of(Settings settings, Reporter reporter) {
        return new Rclone(settings.rcloneBinary(), settings.rcloneConfig(), settings.rcloneFlags(), reporter);
    }

    /** Describes {@code rclone rcat PATH}: uploads its standard input to {@code path}. */
    public Step.Command rcat(String path) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Describes {@code rclone cat PATH}: writes the object at {@code path} to its standard output. */
    public Step.Command cat(String path) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Lists {@code path} with {@code rclone lsjson} (files only; recursive when asked). A
     * folder that does not exist yields an empty list (rclone exit 3).
     */
    public List<RemoteEntry> lsjson(String path, boolean recursive) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Moves {@code source} to {@code destination}, refusing to overwrite: returns false (and
     * leaves {@code source} in place) when {@code destination} already exists.
     */
    public boolean movetoIfAbsent(String source, String destination) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes one file. */
    public void deletefile(String path) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes {@code names} (relative to {@code folder}) in one rclone call. */
    public void deleteFiles(String folder, List<String> names) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code rclone sync SOURCE DESTINATION} (with {@code --dry-run} when asked). */
    public void sync(String source, String destination, boolean dryRun) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code rclone copy SOURCE DESTINATION} (with {@code --dry-run} when asked). */
    public void copy(String source, String destination, boolean dryRun) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
