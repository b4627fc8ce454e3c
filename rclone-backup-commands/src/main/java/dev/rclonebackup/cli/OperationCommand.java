package dev.rclonebackup.cli;

import dev.rclonebackup.CommandRun;
import dev.rclonebackup.RcloneBackup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Base of the commands: describes the command, reads its options into a typed value
 * ({@code O}, a record of the command's class) and the common ones into {@link CommonOptions},
 * loads the configuration, builds the core facade with a console reporter and the configured
 * hooks, and runs the command against it as one notified run ({@link CommandRun}). Failures propagate as exceptions, which
 * {@link FailureHandler} turns into a message and an exit status.
 *
 * @param <O> the command's own options, as parsed
 */
abstract class OperationCommand<O> implements Callable<Integer> {
    private final CliContext context;
    private CommandSpec spec;
    private CommonOptions commonOptions;

    OperationCommand(CliContext context) {
        this.context = context;
    }

    /** This command's specification: its own options, then help (the common ones are inherited from the top). */
    final CommandSpec spec() {
        if (spec == null) {
            spec = describe();
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .order(17)
                    .usageHelp(true)
                    .description("Show this help and exit.")
                    .build());
        }
        return spec;
    }

    /** The command's name, help text and own options (see {@link Specs#command}). */
    abstract CommandSpec describe();

    /**
     * This command's options as parsed from {@code spec}, the only place they are read; throws a
     * {@link picocli.CommandLine.ParameterException} for a combination that is not allowed.
     */
    abstract O options(CommandSpec spec);

    /** Runs the command; throws on failure. */
    abstract void run(RcloneBackup backups, ConsoleReporter reporter, O options);

    /**
     * Whether the command, run with {@code options}, writes machine-readable results on stdout;
     * then every other line goes to stderr.
     */
    boolean machineReadable(O options) {
        return false;
    }

    /** {@code -d, --database ALIAS}, the first option of the commands that work on one database. */
    static OptionSpec.Builder databaseOption(String name, String description) {
        return Specs.option(1, "ALIAS", description, "-d", name);
    }

    @Override
    public final Integer call() {
        commonOptions = CommonOptions.of(spec().commandLine());
        O options = options(spec());
        ConsoleReporter console = ConsoleReporter.of(context, commonOptions);
        ConsoleReporter reporter = machineReadable(options) ? console.messagesOnStderr() : console;
        Path configFile = configFile(commonOptions);
        RcloneBackup backups = context.backups().create(configFile, reporter);
        if (!notifies()) {
            run(backups, reporter, options);
            return 0;
        }
        CommandRun commandRun = backups.startRun(spec().name(), databases(options));
        try {
            run(backups, reporter, options);
        } catch (RuntimeException e) {
            commandRun.failed(e);
            throw e;
        }
        commandRun.succeeded();
        return 0;
    }

    /**
     * Whether a run of this command is announced to the {@code notify.*-url} settings; a command
     * that only reads must not look like a backup to a dead-man's switch.
     */
    boolean notifies() {
        return true;
    }

    /** The databases the command is asked to work on, as far as its options tell (for notifications). */
    List<String> databases(O options) {
        return List.of();
    }

    /** The common options this command ran with; null before they were read or when they were invalid. */
    CommonOptions commonOptions() {
        return commonOptions;
    }

    CliContext context() {
        return context;
    }

    private Path configFile(CommonOptions options) {
        Path file = options.configFile();
        return file == null ? null : context.workingDirectory().resolve(file);
    }
}
