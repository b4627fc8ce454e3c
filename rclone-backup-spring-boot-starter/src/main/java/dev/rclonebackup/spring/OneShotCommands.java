package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.cli.RcloneBackupCommandLine;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs one of the command line's commands given as the application's arguments ({@code dbbackup --database
 * analytics}) with the command line's options, output and exit status, against the application's
 * settings, listeners and connectors.
 */
public class OneShotCommands {
    private final RcloneBackupFactory factory;

    public OneShotCommands(RcloneBackupFactory factory) {
        this.factory = factory;
    }

    /**
     * Whether {@code args} name a command, after any global options ({@code -v 2 dbbackup}) and
     * Spring property arguments ({@code --spring.profiles.active=prod}).
     */
    public static boolean isCommand(String... args) {
        String name = RcloneBackupCommandLine.commandName(withoutPropertyArguments(args));
        return name != null && RcloneBackupCommandLine.COMMAND_NAMES.contains(name);
    }

    /**
     * Runs the command in {@code args} and returns its exit status. Spring property arguments
     * ({@code --spring.profiles.active=prod}) are left to Spring.
     */
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        String[] commandArgs = withoutPropertyArguments(args);
        return RcloneBackupCommandLine.run(
                in,
                out,
                err,
                environment,
                Path.of("").toAbsolutePath(),
                (configFile, reporter) -> {
                    if (configFile != null) {
                        throw new ConfigurationException("--config cannot be used with an application's commands: "
                                + "they run with its rclone-backup.* properties");
                    }
                    return factory.create(reporter);
                },
                commandArgs);
    }

    private static String[] withoutPropertyArguments(String... args) {
        return Arrays.stream(args).filter(arg -> !isPropertyArgument(arg)).toArray(String[]::new);
    }

    private static boolean isPropertyArgument(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
    }
}
