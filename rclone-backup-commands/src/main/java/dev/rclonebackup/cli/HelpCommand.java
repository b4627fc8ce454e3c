package dev.rclonebackup.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code help [COMMAND]}: prints the same help as {@code rclone-backup --help} or
 * {@code rclone-backup COMMAND --help}. Built in code like the other commands, rather than
 * picocli's annotated {@link CommandLine.HelpCommand}, whose annotations cost start-up time.
 */
final class HelpCommand implements Callable<Integer> {
    static final String NAME = "help";
    private static final String COMMAND = "COMMAND";

    private final List<String> commandNames;
    private final CommandSpec spec;

    /** A help command for the commands {@code commandNames}, which it names when given another. */
    HelpCommand(List<String> commandNames) {
        this.commandNames = commandNames;
        spec = Specs.command(
                this,
                NAME,
                "Show the help of rclone-backup or of one of its commands.",
                "Prints the same as 'rclone-backup --help', or with a command's name, as "
                        + "'rclone-backup COMMAND --help'.");
        spec.helpCommand(true);
        spec.addPositional(PositionalParamSpec.builder()
                .index("0")
                .arity("0..1")
                .paramLabel(COMMAND)
                .type(String.class)
                .description("The command to describe: one of " + String.join(", ", commandNames) + ".")
                .build());
        spec.addOption(OptionSpec.builder("-h", "--help")
                .order(17)
                .usageHelp(true)
                .description("Show this help and exit.")
                .build());
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        CommandLine help = spec.commandLine();
        CommandLine parent = help.getParent();
        String name = (String) spec.positionalParameters().get(0).getValue();
        CommandLine described = name == null ? parent : parent.getSubcommands().get(name);
        if (described == null) {
            throw new ParameterException(
                    help, "Unknown command '" + name + "'; use one of " + String.join(", ", commandNames));
        }
        described.usage(described.getOut(), described.getColorScheme());
        return 0;
    }
}
