package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.cli.Main;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Runs one of the five commands given as the application's arguments ({@code dbbackup --database
 * analytics}) with the command line's options, output and exit status, against the application's
 * settings, listeners and connectors.
 */
public class OneShotCommands {
    /** The commands recognised as an application's first argument. */
    public static final Set<String> COMMANDS =
            Set.of("dbbackup", "dbrestore", "mediabackup", "mediarestore", "listbackups");

    private final RcloneBackupFactory factory;

    public OneShotCommands(RcloneBackupFactory factory) {
        this.factory = factory;
    }

    /** Whether {@code args} start with a command name. */
    public static boolean isCommand(String... args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs the command in {@code args} and returns its exit status. Spring property arguments
     * ({@code --spring.profiles.active=prod}) are left to Spring.
     */
    public int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        String[] commandArgs =
                Arrays.stream(args).filter(arg -> !isPropertyArgument(arg)).toArray(String[]::new);
        return Main.run(
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

    private static boolean isPropertyArgument(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
    }
}
