package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupFile;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.naming.RemotePaths;
import dev.rclonebackup.internal.process.PipelineResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dbrestore: picks the backup (the given input path, or the newest of the database, or of the
 * database given as {@code from}), asks for confirmation, then streams {@code rclone cat} into the
 * connector's restore. The connector's
 * commit runs only when both ends succeeded; otherwise its abort keeps the existing data.
 */
public final class DbRestoreOperation {
    /** A bound on the connector's looks at the backup before the restore. */
    private static final int MAX_INSPECTIONS = 8;

    private final Context context;
    /** The database and backup, for the failure event: null until chosen. */
    private String alias;

    private String path;

    public DbRestoreOperation(Context context) {
        this.context = context;
    }

    /** Restores the database; any failure (an interrupt included) sends {@code db-restore-failed}. */
    public DbRestoreResult run(DbRestoreOptions options, RestoreConfirmation confirmation)
            throws IOException, InterruptedException {
        try {
            return restore(options, confirmation);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Failures.report(context, e, error -> new BackupEvent.DbRestoreFailed(alias, path, error));
            throw e;
        }
    }

    private DbRestoreResult restore(DbRestoreOptions options, RestoreConfirmation confirmation)
            throws IOException, InterruptedException {
        alias = options.database();
        alias = chooseDatabase(options.database());
        Database database = context.connectors().database(alias);
        Connector connector = context.connectors().connectorFor(database);
        String source = source(alias, connector, options.from());
        String relative = options.inputPath() == null
                ? newest(source)
                : existing(InputPath.check(
                        options.inputPath(),
                        new InputPath.Owner(
                                alias, source, context.settings().databases().keySet()),
                        context.template()));
        path = context.displayPath(relative);

        if (!confirmation.confirm(alias, path, source)) {
            return new DbRestoreResult(alias, path, true, Duration.ZERO, source);
        }
        long started = System.nanoTime();
        context.listener().on(new BackupEvent.BeforeDbRestore(alias, path));
        context.reporter()
                .info("Restoring database '" + alias + "' from " + path
                        + (source.equals(alias) ? "" : " (a backup of '" + source + "')"));
        restore(
                database,
                connector,
                RemotePaths.join(context.dbFolder(), relative),
                "Restore of database '" + alias + "' from " + path);
        context.reporter().success("Restore completed from: " + path);
        context.listener().on(new BackupEvent.AfterDbRestore(alias));
        return new DbRestoreResult(alias, path, false, Duration.ofNanos(System.nanoTime() - started), source);
    }

    /**
     * The database whose backup is restored into {@code target}: {@code from} when given, which must
     * be another configured database using the same connector, else {@code target} itself.
     */
    private String source(String target, Connector connector, String from) {
        if (from == null) {
            return target;
        }
        if (from.equals(target)) {
            throw new RcloneBackupException(
                    ErrorCode.USAGE,
                    "--from names database '" + target + "', the one being restored; leave --from out to restore '"
                            + target + "' from its own backups");
        }
        Connector sourceConnector =
                context.connectors().connectorFor(context.connectors().database(from));
        if (!sourceConnector.id().equals(connector.id())) {
            throw new RcloneBackupException(
                    ErrorCode.USAGE,
                    "Cannot restore database '" + target + "' from a backup of '" + from + "': '" + target
                            + "' uses the " + connector.id() + " connector and '" + from + "' the "
                            + sourceConnector.id() + " connector; both must use the same one");
        }
        return from;
    }

    String chooseDatabase(String requested) {
        if (requested != null) {
            return requested;
        }
        Set<String> configured = context.settings().databases().keySet();
        if (configured.size() == 1) {
            return configured.iterator().next();
        }
        if (configured.isEmpty()) {
            throw new ConfigurationException("No databases are configured; add one under 'databases'");
        }
        throw new RcloneBackupException(
                ErrorCode.USAGE,
                "Several databases are configured (" + String.join(", ", configured) + "); choose one with --database");
    }

    String newest(String alias) throws IOException, InterruptedException {
        List<BackupFile> backups = new ListOperations(context).backups(alias);
        if (backups.isEmpty()) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, "No backups found for database '" + alias + "'");
        }
        return backups.get(0).name();
    }

    String existing(String relative) throws IOException, InterruptedException {
        if (context.rclone()
                .lsjson(RemotePaths.join(context.dbFolder(), relative), false)
                .isEmpty()) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "No backup " + context.displayPath(relative) + " found on "
                            + context.settings().remote());
        }
        return relative;
    }

    /**
     * Streams {@code source} into {@code connector}'s restore of {@code database}.
     *
     * @param operation what is running, starting every failure message, e.g. {@code Restore of database 'x' from db/…}
     */
    void restore(Database database, Connector connector, String source, String operation)
            throws IOException, InterruptedException {
        try (Restore restore = connector.restore(database)) {
            boolean committed = false;
            try {
                for (int round = 0; round < MAX_INSPECTIONS; round++) {
                    Optional<Step.Command> inspection = restore.nextInspection();
                    if (inspection.isEmpty()) {
                        break;
                    }
                    inspect(inspection.get(), source, operation);
                }
                restore.prepare(context.reporter());
                PipelineResult result = Streams.run(context, context.rclone().cat(source), restore.step(), operation);
                if (!result.succeeded()) {
                    String cause = restore.failureExplanation()
                            .orElseGet(() ->
                                    StageFailure.describe(result.rootCause().orElseThrow()));
                    throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, operation + " failed: " + cause);
                }
                try {
                    restore.commit();
                } catch (IOException e) {
                    throw new RcloneBackupException(
                            ErrorCode.OPERATION_FAILED, operation + " failed: " + e.getMessage(), e);
                }
                committed = true;
            } finally {
                if (!committed) {
                    abort(restore);
                }
            }
        }
    }

    /** Streams the backup into the restore's inspection, which may stop reading once it has seen enough. */
    private void inspect(Step.Command inspection, String source, String operation)
            throws IOException, InterruptedException {
        PipelineResult result = Streams.run(context, context.rclone().cat(source), inspection, operation);
        boolean read = result.consumer().succeeded()
                && (result.producer().succeeded() || result.producer().brokenPipe());
        if (!read) {
            String cause = StageFailure.describe(result.rootCause().orElse(result.consumer()));
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, operation + " failed: " + cause);
        }
    }

    private static void abort(Restore restore) {
        boolean interrupted = Thread.interrupted();
        try {
            restore.abort();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
