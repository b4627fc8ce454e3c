package dev.rclonebackup.spring;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.CleanupResult;
import dev.rclonebackup.CommandRun;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbBackupsResult;
import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.DbVerifyResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaListing;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.cli.Command;
import dev.rclonebackup.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The operations of {@link RcloneBackup} as an application bean: the same methods, each run
 * recorded in {@link BackupMetrics} and, except the listings, announced to the {@code notify.*-url}
 * settings as one {@link CommandRun}. Inject this rather than the {@link RcloneBackup} bean to have
 * metrics; failures are the core's {@link dev.rclonebackup.RcloneBackupException}s.
 */
public class RcloneBackupOperations {
    /** The {@code database} of the media operations, which back up no database. */
    static final String NO_DATABASE = "none";

    private final RcloneBackup backups;
    private final BackupMetrics metrics;
    private final OperationObserver observer;

    public RcloneBackupOperations(RcloneBackup backups, BackupMetrics metrics) {
        this(backups, metrics, OperationObserver.NONE);
    }

    /** @param observer wraps each operation, e.g. in a Micrometer observation */
    public RcloneBackupOperations(RcloneBackup backups, BackupMetrics metrics, OperationObserver observer) {
        this.backups = backups;
        this.metrics = metrics;
        this.observer = observer;
    }

    /** The settings the operations run with. */
    public Settings settings() {
        return backups.settings();
    }

    /** See {@link RcloneBackup#dbBackup}. */
    public DbBackupResult dbBackup(String database, boolean clean) {
        return measured(
                "db-backup",
                Command.DBBACKUP.commandName(),
                database,
                named(database),
                () -> backups.dbBackup(database, clean),
                DbBackupResult::size);
    }

    /**
     * See {@link RcloneBackup#dbBackup(List, boolean)}; each database's backup is recorded as
     * {@link #dbBackup(String, boolean)} records it.
     */
    public DbBackupsResult dbBackup(List<String> databases, boolean clean) {
        return measuredRun(databases, () -> backups.dbBackup(databases, clean));
    }

    /** See {@link RcloneBackup#dbBackupAll}; each database's backup is recorded. */
    public DbBackupsResult dbBackupAll(boolean clean) {
        return measuredRun(List.of(), () -> backups.dbBackupAll(clean));
    }

    /** See {@link RcloneBackup#dbRestore}. */
    public DbRestoreResult dbRestore(String database, String inputPath, RestoreConfirmation confirmation) {
        String tag = database == null ? singleDatabase() : database;
        return measured(
                "db-restore",
                Command.DBRESTORE.commandName(),
                tag,
                named(database),
                () -> backups.dbRestore(database, inputPath, confirmation),
                result -> -1);
    }

    /** See {@link RcloneBackup#dbRestore(DbRestoreOptions, RestoreConfirmation)}; recorded under the database restored into. */
    public DbRestoreResult dbRestore(DbRestoreOptions options, RestoreConfirmation confirmation) {
        String tag = options.database() == null ? singleDatabase() : options.database();
        return measured(
                "db-restore",
                Command.DBRESTORE.commandName(),
                tag,
                named(options.database()),
                () -> backups.dbRestore(options, confirmation),
                result -> -1);
    }

    /** See {@link RcloneBackup#dbVerify}; recorded as the operation {@code db-verify}. */
    public DbVerifyResult dbVerify(String database, String inputPath) {
        String tag = database == null ? singleDatabase() : database;
        return measured(
                "db-verify",
                Command.DBVERIFY.commandName(),
                tag,
                named(database),
                () -> backups.dbVerify(database, inputPath),
                result -> -1);
    }

    /** See {@link RcloneBackup#mediaBackup}. */
    public MediaResult mediaBackup(MediaBackupOptions options) {
        return measured(
                "media-backup",
                Command.MEDIABACKUP.commandName(),
                NO_DATABASE,
                List.of(),
                () -> backups.mediaBackup(options),
                result -> -1);
    }

    /** See {@link RcloneBackup#mediaRestore}. */
    public MediaResult mediaRestore(MediaRestoreOptions options) {
        return measured(
                "media-restore",
                Command.MEDIARESTORE.commandName(),
                NO_DATABASE,
                List.of(),
                () -> backups.mediaRestore(options),
                result -> -1);
    }

    /**
     * See {@link RcloneBackup#cleanup}; recorded as operation {@code cleanup} of database
     * {@code all} when no database is given, else of the given aliases joined with commas.
     */
    public CleanupResult cleanup(List<String> databases, boolean dryRun) {
        String tag = databases == null || databases.isEmpty() ? "all" : String.join(",", databases);
        return measured(
                "cleanup",
                Command.CLEANUP.commandName(),
                tag,
                databases == null ? List.of() : databases,
                () -> backups.cleanup(databases, dryRun),
                result -> -1);
    }

    /** See {@link RcloneBackup#listBackups}. */
    public List<BackupFile> listBackups(String database) {
        return backups.listBackups(database);
    }

    /** See {@link RcloneBackup#listMedia}. */
    public MediaListing listMedia() {
        return backups.listMedia();
    }

    /** See {@link RcloneBackup#check}. */
    public List<CheckResult> check(List<String> databases, Duration maxAge) {
        return backups.check(databases, maxAge);
    }

    private static List<String> named(String database) {
        return database == null ? List.of() : List.of(database);
    }

    private String singleDatabase() {
        return settings().databases().size() == 1
                ? settings().databases().keySet().iterator().next()
                : "unknown";
    }

    /**
     * Runs {@code call} as one run of {@code dbbackup}, notified as on the command line, each
     * database's backup measured on its own; the run failed when any database failed.
     */
    private DbBackupsResult measuredRun(List<String> databases, Supplier<DbBackupsResult> call) {
        String observed = databases.isEmpty() ? "all" : String.join(",", databases);
        return observer.observe("db-backup", observed, () -> measuredRunUnobserved(databases, call));
    }

    private DbBackupsResult measuredRunUnobserved(List<String> databases, Supplier<DbBackupsResult> call) {
        CommandRun run = backups.startRun(Command.DBBACKUP.commandName(), databases);
        DbBackupsResult result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            run.failed(e);
            throw e;
        }
        for (DbBackupsResult.Outcome outcome : result.databases()) {
            if (outcome.succeeded()) {
                metrics.success(
                        "db-backup",
                        outcome.database(),
                        outcome.duration(),
                        outcome.result().size());
            } else {
                metrics.failure("db-backup", outcome.database(), outcome.duration());
            }
        }
        if (result.succeeded()) {
            run.succeeded();
        } else {
            run.failed(new RcloneBackupException(ErrorCode.OPERATION_FAILED, result.failureSummary()));
        }
        return result;
    }

    /** Runs {@code call} as one run of {@code command}, notified as on the command line, and measured. */
    private <T> T measured(
            String operation,
            String command,
            String database,
            List<String> databases,
            Supplier<T> call,
            ToLongFunction<T> size) {
        return observer.observe(
                operation, database, () -> measuredUnobserved(operation, command, database, databases, call, size));
    }

    private <T> T measuredUnobserved(
            String operation,
            String command,
            String database,
            List<String> databases,
            Supplier<T> call,
            ToLongFunction<T> size) {
        long start = System.nanoTime();
        CommandRun run = backups.startRun(command, databases);
        try {
            T result = call.get();
            metrics.success(operation, database, Duration.ofNanos(System.nanoTime() - start), size.applyAsLong(result));
            run.succeeded();
            return result;
        } catch (RuntimeException e) {
            metrics.failure(operation, database, Duration.ofNanos(System.nanoTime() - start));
            run.failed(e);
            throw e;
        }
    }
}
