package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.cli.config.ConfigLoader;
import dev.rclonebackup.secrets.Redactor;
import dev.rclonebackup.settings.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Base of the five commands: describes the command with the common options, validates them,
 * loads the configuration, builds the core facade with a console reporter and the configured
 * hooks, and runs the command against it. Failures propagate as exceptions, which
 * {@link FailureHandler} turns into a message and an exit status.
 */
abstract class OperationCommand implements Callable<Integer> {
    /** The database option of dbbackup, dbrestore and listbackups. */
    static final String DATABASE = "--database";

    private final CliContext context;
    private CommandSpec spec;

    OperationCommand(CliContext context) {
        this.context = context;
    }

    /** This command's specification: its own options, then the common ones. */
    final CommandSpec spec() {
        if (spec == null) {
            spec = describe();
            CommonOptions.addTo(spec);
        }
        return spec;
    }

    /** The command's name, help text and own options (see {@link Specs#command}). */
    abstract CommandSpec describe();

    /** {@code -d, --database ALIAS}, the first option of the commands that work on one database. */
    static OptionSpec.Builder databaseOption(String description) {
        return Specs.option(1, "ALIAS", description, "-d", DATABASE);
    }

    @Override
    public final Integer call() {
        CommonOptions options = options();
        options.validate();
        validate();
        ConsoleReporter reporter = ConsoleReporter.of(context, options);
        Path configFile = configFile(options);
        run(context.backups() == null ? fromConfigurationFile(configFile, reporter)
                : context.backups().create(configFile, reporter), reporter);
        return 0;
    }

    private RcloneBackup fromConfigurationFile(Path configFile, Reporter reporter) {
        Settings settings = ConfigLoader.load(configFile, context.environment(), context.workingDirectory());
        return RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .listener(new HookListener(settings.hooks(), reporter, Redactor.of(settings)))
                .load();
    }

    /** Rejects invalid combinations of this command's options, before anything is loaded. */
    void validate() {
    }

    /** Runs the command; throws on failure. */
    abstract void run(RcloneBackup backups, ConsoleReporter reporter);

    CommonOptions options() {
        return new CommonOptions(spec());
    }

    CliContext context() {
        return context;
    }

    /** The parsed value of one of this command's options (its default when not given, else null). */
    <T> T value(String option) {
        return Specs.value(spec(), option);
    }

    /** Whether one of this command's flags was given. */
    boolean isSet(String option) {
        return Specs.isSet(spec(), option);
    }

    private Path configFile(CommonOptions options) {
        Path file = options.configFile();
        return file == null ? null : context.workingDirectory().resolve(file);
    }
}
