package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.cli.config.ConfigLoader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stand-alone {@code rclone-backup} application: the command line of
 * {@link RcloneBackupCommandLine} with its settings loaded from {@code rclone-backup.yml} (or the
 * {@code --config} file) and the environment, and signal handling that cleans up before exiting.
 */
public final class Main {
    private Main() {}

    public static void main(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Map<String, String> environment = System.getenv();
        Path workingDirectory = Path.of("").toAbsolutePath();
        System.exit(SignalGuard.run(() -> run(System.in, out, err, environment, workingDirectory, args), err));
    }

    /**
     * Runs one invocation with the configuration file and returns its exit status, without
     * installing signal handlers and without exiting.
     */
    public static int run(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> environment,
            Path workingDirectory,
            String... args) {
        return RcloneBackupCommandLine.run(
                in, out, err, environment, workingDirectory, configurationFile(environment, workingDirectory), args);
    }

    /** Builds the facade from {@code configFile} (null: the default locations) and the environment. */
    static BackupsFactory configurationFile(Map<String, String> environment, Path workingDirectory) {
        return (configFile, reporter) -> RcloneBackup.configure()
                .settings(ConfigLoader.load(configFile, environment, workingDirectory))
                .reporter(reporter)
                .load();
    }
}
