package dev.rclonebackup.internal.operation;

import dev.rclonebackup.DbVerifyResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Verification;
import dev.rclonebackup.internal.naming.RemotePaths;
import java.io.IOException;
import java.time.Duration;

/**
 * dbverify: restores a backup (the given input path, or the newest of the database) through the
 * connector's normal restore into a scratch target the connector's {@link Verification} creates,
 * checks and counts what came back, and removes the scratch target in every case — after a
 * failure or an interrupt too. The configured database is never written to.
 */
public final class DbVerifyOperation {
    private final Context context;

    public DbVerifyOperation(Context context) {
        this.context = context;
    }

    public DbVerifyResult run(String requestedAlias, String inputPath) throws IOException, InterruptedException {
        DbRestoreOperation restores = new DbRestoreOperation(context);
        String alias = restores.chooseDatabase(requestedAlias);
        Database database = context.connectors().database(alias);
        Connector connector = context.connectors().connectorFor(database);
        Verification verification = connector
                .verification(database)
                .orElseThrow(() -> new RcloneBackupException(
                        ErrorCode.USAGE,
                        "Database '" + alias + "' uses the " + connector.id()
                                + " connector, which cannot verify backups (not supported)."));
        String relative = inputPath == null
                ? restores.newest(alias)
                : restores.existing(InputPath.check(
                        inputPath,
                        new InputPath.Owner(
                                alias, alias, context.settings().databases().keySet()),
                        context.template()));
        String path = context.displayPath(relative);
        long started = System.nanoTime();
        try {
            Database scratch = verification.createScratch(context.reporter());
            context.reporter()
                    .info("Verifying " + path + " of database '" + alias + "' in scratch "
                            + verification.scratchName());
            String operation = "Verify of " + path + " (database '" + alias + "')";
            restores.restore(scratch, connector, RemotePaths.join(context.dbFolder(), relative), operation);
            Verification.Contents contents;
            try {
                contents = verification.check();
            } catch (IOException e) {
                throw new RcloneBackupException(
                        ErrorCode.OPERATION_FAILED, operation + " failed: " + e.getMessage(), e);
            }
            context.reporter()
                    .success("Verify completed: " + path + " restores cleanly (" + contents.tables() + " tables, "
                            + contents.rows() + " rows)");
            return new DbVerifyResult(
                    alias,
                    path,
                    verification.scratchName(),
                    contents.tables(),
                    contents.rows(),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            removeScratch(verification);
        }
    }

    /** Removes the scratch target even when the thread was interrupted (Ctrl-C, SIGTERM). */
    private static void removeScratch(Verification verification) {
        boolean interrupted = Thread.interrupted();
        try {
            verification.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
