package dev.rclonebackup.cli;

import dev.rclonebackup.RcloneBackup;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** {@code cleanup}: applies the retention policy to the backups on the remote without making one. */
final class CleanupCommand extends OperationCommand<CleanupCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String ALL = "--all";
    private static final String DRY_RUN = "--dry-run";

    /**
     * @param databases the aliases to clean up; empty for every configured database
     * @param dryRun    whether to only say what would be removed
     */
    record Options(List<String> databases, boolean dryRun) {}

    CleanupCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.CLEANUP.commandName(),
                "Delete the backups the retention policy does not keep.",
                "Applies db.retention (or keep-last db.cleanup-keep) to each database's backups on the remote "
                        + "without making a backup, and deletes stale partial uploads older than a day. "
                        + "The newest backup of a database is always kept. All deletions are one rclone "
                        + "call, made after the whole backup folder was listed.",
                "",
                "At -v 2, every kept backup is listed with the rules that keep it.");
        spec.addOption(OptionSpec.builder("-d", DATABASE)
                .order(1)
                .paramLabel("ALIAS")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .description("Clean up this database, by its alias under 'databases'; may be repeated "
                        + "(default: every configured database).")
                .build());
        spec.addOption(Specs.flag(ALL, 2, "Clean up every configured database (the default without -d)."));
        spec.addOption(Specs.flag(DRY_RUN, 3, "Only show what would be removed; delete nothing."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        List<String> databases = spec.findOption(DATABASE).getValue();
        if (databases == null) {
            databases = List.of();
        }
        if (Specs.isSet(spec, ALL) && !databases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--all and --database cannot be used together");
        }
        return new Options(List.copyOf(databases), Specs.isSet(spec, DRY_RUN));
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        backups.cleanup(options.databases(), options.dryRun());
    }
}
