package dev.rclonebackup.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * The {@code rclone-backup} command line, for programs that run its commands with settings of
 * their own (the stand-alone application loads {@code rclone-backup.yml}; a Spring Boot
 * application binds its properties): parses the arguments, runs one command, prints its outcome
 * and returns the exit status (0 success, 1 failed, 2 usage or configuration error, 130/143
 * interrupted by SIGINT/SIGTERM).
 */
public final class RcloneBackupCommandLine {
    private static final Map<String, String> EXIT_CODES = exitCodes();
    /** The commands' names, in the order the help lists them. */
    public static final List<String> COMMAND_NAMES = Command.names();

    private RcloneBackupCommandLine() {}

    /**
     * Runs one invocation against the facades {@code backups} builds and returns its exit status,
     * without installing signal handlers and without exiting. {@code out} and {@code err} count
     * as terminals only when they are this process's own standard streams and those are terminals.
     */
    public static int run(
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> environment,
            Path workingDirectory,
            BackupsFactory backups,
            String... args) {
        return run(
                new CliContext(
                        in,
                        out,
                        err,
                        environment,
                        workingDirectory,
                        out == System.out && Terminals.isTerminal(1),
                        err == System.err && Terminals.isTerminal(2),
                        backups),
                args);
    }

    static int run(CliContext context, String... args) {
        int exitStatus = commandLine(context, args).execute(args);
        context.out().flush();
        context.err().flush();
        return exitStatus;
    }

    /**
     * The command line for {@code args}. When they name a command, only that command is added:
     * describing a command is a measurable part of start-up. Otherwise (help, version, a mistyped
     * name) all are, for the list and suggestions, with {@code help}.
     */
    static CommandLine commandLine(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(RcloneBackupCommand.spec(context.environment()), Specs.FACTORY);
        String name = commandName(args);
        Command named = Command.named(name);
        if (named != null) {
            commandLine.addSubcommand(named.create(context).spec());
        } else {
            for (Command each : Command.values()) {
                commandLine.addSubcommand(each.create(context).spec());
            }
            commandLine.addSubcommand(new HelpCommand(COMMAND_NAMES).spec());
        }
        FailureHandler failures = new FailureHandler(context);
        commandLine
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setColorScheme(Help.defaultColorScheme(helpColors(context, args)))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
        describeExitCodes(commandLine);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            describeExitCodes(subcommand);
        }
        return commandLine;
    }

    /**
     * The first argument that is neither an option nor the value of a common option
     * ({@code --config FILE}, {@code -v LEVEL}): the command's name when it is one; null when there is none.
     */
    public static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (CommonOptions.takesValue(arg)) {
                i++;
            }
        }
        return null;
    }

    private static Help.Ansi helpColors(CliContext context, String... args) {
        return Colors.enabled(Colors.overrideIn(args), context.environment(), context.outIsTerminal())
                ? Help.Ansi.ON
                : Help.Ansi.OFF;
    }

    private static void describeExitCodes(CommandLine commandLine) {
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(EXIT_CODES);
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success (a cancelled restore included).");
        codes.put("1", "The operation failed.");
        codes.put("2", "Usage or configuration error.");
        codes.put("130", "Interrupted by SIGINT (Ctrl-C), after cleaning up.");
        codes.put("143", "Terminated by SIGTERM, after cleaning up.");
        return codes;
    }
}
