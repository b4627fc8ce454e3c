package dev.rclonebackup.cli;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.settings.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code check}: whether each database's newest backup exists, is recent and is not empty or shrunk. */
final class CheckCommand extends OperationCommand<CheckCommand.Options> {
    private static final String DATABASE = "--database";
    private static final String MAX_AGE = "--max-age";
    private static final String JSON = "--json";

    /**
     * @param databases the aliases to check; empty for every configured database
     * @param maxAge    the oldest a newest backup may be, or null for {@code check.max-age}
     * @param json      whether to write one JSON array instead of a line per database
     */
    record Options(List<String> databases, Duration maxAge, boolean json) {}

    CheckCommand(CliContext context) {
        super(context);
    }

    @Override
    CommandSpec describe() {
        CommandSpec spec = Specs.command(
                this,
                Command.CHECK.commandName(),
                "Check that every database has a recent backup.",
                "For each database (all configured ones unless -d is given), checks that its newest backup "
                        + "exists, is at most the maximum age old (--max-age, else check.max-age, default 26h) "
                        + "and is not empty; with check.min-size-ratio R, also that it is at least R times the "
                        + "size of the backup before it.",
                "",
                "Prints one line per database starting with OK or FAILED (at -v 0 only the FAILED ones). "
                        + "Exits 0 when all pass and 1 when any fails, an unreachable remote included.",
                "",
                "With --json, writes one JSON array on stdout instead: "
                        + "{\"database\", \"ok\", \"newest\", \"age_seconds\", \"size\", \"problem\"} per database.");
        spec.addOption(databaseOption(DATABASE, "Check this database; may be repeated (default: every database).")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .build());
        spec.addOption(Specs.option(
                        2,
                        "DURATION",
                        "Fail when the newest backup is older than this, e.g. 90m, 26h, 7d or PT26H "
                                + "(default: check.max-age, 26h unless configured).",
                        MAX_AGE)
                .type(Duration.class)
                .converters(new DurationConverter())
                .build());
        spec.addOption(Specs.flag(JSON, 3, "Write the results as one JSON array, for scripts and monitoring."));
        return spec;
    }

    @Override
    Options options(CommandSpec spec) {
        @SuppressWarnings("unchecked")
        List<String> databases = (List<String>) spec.findOption(DATABASE).getValue();
        return new Options(
                databases == null ? List.of() : List.copyOf(databases),
                (Duration) spec.findOption(MAX_AGE).getValue(),
                Specs.isSet(spec, JSON));
    }

    @Override
    boolean machineReadable(Options options) {
        return options.json();
    }

    /** A check only reads: it must not look like a backup to a dead-man's switch. */
    @Override
    boolean notifies() {
        return false;
    }

    @Override
    void run(RcloneBackup backups, ConsoleReporter reporter, Options options) {
        List<CheckResult> results = backups.check(options.databases(), options.maxAge());
        if (options.json()) {
            reporter.result(JsonFormat.checks(results));
        }
        List<String> failed = new ArrayList<>();
        for (CheckResult result : results) {
            if (!result.ok()) {
                failed.add(result.database());
            }
            if (options.json()) {
                continue;
            }
            if (result.ok()) {
                reporter.success("OK " + result.database() + ": " + summary(result.newest(), result.age()));
            } else {
                reporter.failedResult("FAILED " + result.database() + ": " + result.problem());
            }
        }
        if (!failed.isEmpty()) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Check failed for " + failed.size() + " of " + results.size() + " databases: "
                            + String.join(", ", failed));
        }
    }

    /** {@code default-2024-01-15-120000.dump, 3h 12m ago, 1.2 MB}. */
    static String summary(BackupFile newest, Duration age) {
        return newest.name() + ", " + Durations.approximate(age) + " ago, " + ListingFormat.size(newest.size());
    }

    /** Reads --max-age as the settings do, refusing zero, negative and unit-less values. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
