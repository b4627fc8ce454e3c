package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.Reporter;
import java.nio.file.Path;

/**
 * Builds the facade a command runs against, for programs that embed the command line with
 * settings of their own instead of {@code rclone-backup.yml}.
 */
@FunctionalInterface
public interface BackupsFactory {

    /**
     * @param configFile the {@code --config} file given on the command line (resolved against the
     *                   working directory), or null when none was given
     * @param reporter   prints the command's output according to its verbosity and colour options
     * @return the facade to run the command against
     */
    RcloneBackup create(Path configFile, Reporter reporter);
}
