package dev.rclonebackup.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.BackupFile;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.naming.RemotePaths;
import dev.rclonebackup.process.PipelineResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dbrestore: picks the backup (the given input path, or the newest of the database), asks for
 * confirmation, then streams {@code rclone cat} into the connector's restore. The connector's
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
    public DbRestoreResult run(String requestedAlias, String inputPath, RestoreConfirmation confirmation)
            throws IOException, InterruptedException {
        try {
            return restore(requestedAlias, inputPath, confirmation);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Failures.report(context, e, error -> new BackupEvent.DbRestoreFailed(alias, path, error));
            throw e;
        }
    }

    private DbRestoreResult restore(String requestedAlias, String inputPath, RestoreConfirmation confirmation)
            throws IOException, InterruptedException {
        alias = requestedAlias;
        alias = chooseDatabase(requestedAlias);
        Database database = context.connectors().database(alias);
        Connector connector = context.connectors().connectorFor(database);
        String relative =
                inputPath == null ? newest(alias) : existing(InputPath.check(inputPath, alias, context.template()));
        path = context.displayPath(relative);

        if (!confirmation.confirm(alias, path)) {
            return new DbRestoreResult(alias, path, true, Duration.ZERO);
        }
        long started = System.nanoTime();
        context.listener().on(new BackupEvent.BeforeDbRestore(alias, path));
        context.reporter().info("Restoring database '" + alias + "' from " + path);
        restore(database, connector, RemotePaths.join(context.dbFolder(), relative), path);
        context.reporter().success("Restore completed from: " + path);
        context.listener().on(new BackupEvent.AfterDbRestore(alias));
        return new DbRestoreResult(alias, path, false, Duration.ofNanos(System.nanoTime() - started));
    }

    private String chooseDatabase(String requested) {
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

    private String newest(String alias) throws IOException, InterruptedException {
        List<BackupFile> backups = new ListOperations(context).backups(alias);
        if (backups.isEmpty()) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, "No backups found for database '" + alias + "'");
        }
        return backups.get(0).name();
    }

    private String existing(String relative) throws IOException, InterruptedException {
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

    private void restore(Database database, Connector connector, String source, String path)
            throws IOException, InterruptedException {
        try (Restore restore = connector.restore(database)) {
            boolean committed = false;
            try {
                for (int round = 0; round < MAX_INSPECTIONS; round++) {
                    Optional<Step.Command> inspection = restore.nextInspection();
                    if (inspection.isEmpty()) {
                        break;
                    }
                    inspect(database, inspection.get(), source, path);
                }
                restore.prepare(context.reporter());
                PipelineResult result = Streams.run(
                        context,
                        context.rclone().cat(source),
                        restore.step(),
                        "Restore of database '" + database.alias() + "' from " + path);
                if (!result.succeeded()) {
                    String cause = restore.failureExplanation()
                            .orElseGet(() ->
                                    StageFailure.describe(result.rootCause().orElseThrow()));
                    throw new RcloneBackupException(
                            ErrorCode.OPERATION_FAILED,
                            "Restore of database '" + database.alias() + "' from " + path + " failed: " + cause);
                }
                try {
                    restore.commit();
                } catch (IOException e) {
                    throw new RcloneBackupException(
                            ErrorCode.OPERATION_FAILED,
                            "Restore of database '" + database.alias() + "' from " + path + " failed: "
                                    + e.getMessage(),
                            e);
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
    private void inspect(Database database, Step.Command inspection, String source, String path)
            throws IOException, InterruptedException {
        String operation = "Restore of database '" + database.alias() + "' from " + path;
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
