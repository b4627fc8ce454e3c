package dev.rclonebackup.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one invocation of the command line runs against: its standard streams, environment and
 * working directory, and whether its output streams are terminals.
 *
 * @param in               where prompts read their answer; may be null (no input)
 * @param out              normal output
 * @param err              errors, tool output and live progress
 * @param environment      the process environment ({@code NO_COLOR}, configuration discovery)
 * @param workingDirectory where a relative {@code --config} and {@code ./rclone-backup.yml} are resolved
 * @param outIsTerminal    whether {@code out} is a terminal (colour of normal output)
 * @param errIsTerminal    whether {@code err} is a terminal (colour of errors, live progress)
 * @param backups          builds the facade the commands run against
 */
record CliContext(
        InputStream in,
        PrintStream out,
        PrintStream err,
        Map<String, String> environment,
        Path workingDirectory,
        boolean outIsTerminal,
        boolean errIsTerminal,
        BackupsFactory backups) {

    CliContext {
        environment = Map.copyOf(environment);
    }
}
