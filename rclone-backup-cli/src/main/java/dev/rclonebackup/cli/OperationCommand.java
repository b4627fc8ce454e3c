package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.cli.config.ConfigLoader;
import dev.rclonebackup.settings.Settings;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Base of the five commands: validates the common options, loads the configuration, builds the
 * core facade with a console reporter and the configured hooks, and runs the command against it.
 * Failures propagate as exceptions, which {@link FailureHandler} turns into a message and an exit
 * status.
 */
abstract class OperationCommand implements Callable<Integer> {
    @Mixin
    private CommonOptions options;

    private final CliContext context;

    OperationCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Integer call() {
        options.validate();
        validate();
        ConsoleReporter reporter = ConsoleReporter.of(context, options);
        BackupsFactory factory = context.backups() == null ? this::fromConfigurationFile : context.backups();
        run(factory.create(configFile(), reporter), reporter);
        return 0;
    }

    private RcloneBackup fromConfigurationFile(Path configFile, Reporter reporter) {
        Settings settings = ConfigLoader.load(configFile, context.environment(), context.workingDirectory());
        return RcloneBackup.configure()
                .settings(settings)
                .reporter(reporter)
                .listener(new HookListener(settings.hooks(), reporter))
                .load();
    }

    /** Rejects invalid combinations of this command's options, before anything is loaded. */
    void validate() {
    }

    /** Runs the command; throws on failure. */
    abstract void run(RcloneBackup backups, ConsoleReporter reporter);

    CommonOptions options() {
        return options;
    }

    CliContext context() {
        return context;
    }

    private Path configFile() {
        Path file = options.configFile();
        return file == null ? null : context.workingDirectory().resolve(file);
    }
}
