package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.internal.naming.RemotePaths;
import dev.rclonebackup.internal.process.PipelineResult;
import dev.rclonebackup.internal.process.StageResult;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import dev.rclonebackup.settings.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * dbbackup: streams the connector's dump into {@code rclone rcat} under a partial name, then
 * moves it to its final name without ever overwriting an existing backup. On any failure or
 * interrupt the partial upload is deleted, so no backup becomes visible.
 */
public final class DbBackupOperation {
    private final Context context;
    /** The backup being made, for the failure event: null until its name is chosen. */
    private String path;

    public DbBackupOperation(Context context) {
        this.context = context;
    }

    /**
     * Backs up {@code alias}. An upload that rclone failed is tried again from a fresh dump, up to
     * {@code db.retries} more times, {@code db.retry-delay} apart; a failure of the dump tool, a
     * configuration error or an interrupt is never retried. Any failure sends {@code db-backup-failed}.
     */
    public DbBackupResult run(String alias, boolean clean) throws IOException, InterruptedException {
        try {
            return backUp(alias, clean);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Failures.report(context, e, error -> new BackupEvent.DbBackupFailed(alias, path, error));
            throw e;
        }
    }

    private DbBackupResult backUp(String alias, boolean clean) throws IOException, InterruptedException {
        Database database = context.connectors().database(alias);
        Connector connector = context.connectors().connectorFor(database);
        long started = System.nanoTime();
        String name = context.template().render(alias, context.clock().instant(), connector.extension());
        path = context.displayPath(name);

        context.listener().on(new BackupEvent.BeforeDbBackup(alias));
        int attempts = context.settings().dbRetries() + 1;
        long size;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                name = context.template().render(alias, context.clock().instant(), connector.extension());
                path = context.displayPath(name);
            }
            try {
                size = attempt(connector, database, name);
                break;
            } catch (UploadFailure e) {
                if (attempt >= attempts) {
                    throw attempts == 1 ? e : e.after(attempt);
                }
                Duration delay = context.settings().dbRetryDelay();
                context.reporter()
                        .warning("Upload failed (attempt " + attempt + " of " + attempts + "): " + e.getMessage()
                                + "; retrying in " + Durations.format(delay));
                Thread.sleep(delay.toMillis());
            }
        }
        context.reporter().success("Backup completed: " + path);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        context.reporter().detail("Stored " + size + " bytes in " + duration.toMillis() + " ms");
        context.listener().on(new BackupEvent.AfterDbBackup(alias, path));
        List<String> removed = clean ? new Retention(context).apply(alias) : List.of();
        return new DbBackupResult(alias, path, size, duration, removed);
    }

    /** One dump streamed to a fresh partial name, then moved to {@code name}. */
    private long attempt(Connector connector, Database database, String name) throws IOException, InterruptedException {
        context.reporter().info("Backing up database '" + database.alias() + "' to " + path);
        String partialName = PartialUpload.nameFor(name);
        String partial = RemotePaths.join(context.dbFolder(), partialName);
        try (Dump dump = connector.dump(database)) {
            dump.prepareDump();
            for (String warning : dump.warnings()) {
                context.reporter().warning(warning);
            }
            return upload(dump, database, partial, path, partialName, name);
        }
    }

    /**
     * Streams the dump into the partial upload and moves it to its final name; returns the stored
     * size. Any failure once the stream has started removes the partial; a tool that could not
     * even be started has uploaded nothing.
     */
    private long upload(Dump dump, Database database, String partial, String path, String partialName, String name)
            throws IOException, InterruptedException {
        try {
            stream(dump, database, partial, path);
            return context.rclone()
                    .movetoIfAbsent(context.dbFolder(), partialName, name)
                    .orElseThrow(() -> alreadyExists(path));
        } catch (ToolNotFoundException e) {
            throw e;
        } catch (IOException | InterruptedException | RuntimeException e) {
            PartialUpload.remove(context, partial);
            throw e;
        }
    }

    private void stream(Dump dump, Database database, String partial, String path)
            throws IOException, InterruptedException {
        PipelineResult result = Streams.run(
                context,
                dump.step(),
                context.rclone().rcat(partial),
                "Backup of database '" + database.alias() + "' to " + path);
        if (!result.succeeded()) {
            StageResult rootCause = result.rootCause().orElseThrow();
            String message = "Backup of database '" + database.alias() + "' to " + path + " failed: "
                    + StageFailure.describe(rootCause);
            throw rootCause == result.consumer()
                    ? new UploadFailure(message)
                    : new RcloneBackupException(ErrorCode.OPERATION_FAILED, message);
        }
        Optional<Dump.TailCheck> tailCheck = dump.tailCheck();
        if (tailCheck.isPresent()) {
            checkTail(database, tailCheck.get(), partial, path);
        }
    }

    /** Reads the end of the uploaded partial and lets the connector judge it, before it gets its name. */
    private void checkTail(Database database, Dump.TailCheck check, String partial, String path)
            throws IOException, InterruptedException {
        Optional<String> problem = check.problem(context.rclone().tail(partial, check.length()));
        if (problem.isPresent()) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Backup of database '" + database.alias() + "' to " + path + " failed: " + problem.get());
        }
    }

    private static RcloneBackupException alreadyExists(String path) {
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                "A backup named " + path + " already exists; refusing to overwrite it (wait a second and try again, "
                        + "or put a finer {datetime} in db.date-format)");
    }

    /** rclone failed while the dump streamed into it: worth another attempt from a fresh dump. */
    private static final class UploadFailure extends RcloneBackupException {
        private static final long serialVersionUID = 1L;

        UploadFailure(String message) {
            super(ErrorCode.OPERATION_FAILED, message);
        }

        /** The failure of the last of {@code attempts} attempts. */
        RcloneBackupException after(int attempts) {
            return new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, getMessage() + " (attempt " + attempts + " of " + attempts + ")", this);
        }
    }
}
