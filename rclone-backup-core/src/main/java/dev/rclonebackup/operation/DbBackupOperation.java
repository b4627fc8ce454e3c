package dev.rclonebackup.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.naming.RemotePaths;
import dev.rclonebackup.process.PipelineResult;
import dev.rclonebackup.process.ToolNotFoundException;
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

    public DbBackupOperation(Context context) {
        this.context = context;
    }

    public DbBackupResult run(String alias, boolean clean) throws IOException, InterruptedException {
        Database database = context.connectors().database(alias);
        Connector connector = context.connectors().connectorFor(database);
        long started = System.nanoTime();
        String name = context.template().render(alias, context.clock().instant(), connector.extension());
        String path = context.displayPath(name);

        context.listener().on(new BackupEvent.BeforeDbBackup(alias));
        context.reporter().info("Backing up database '" + alias + "' to " + path);
        String partialName = PartialUpload.nameFor(name);
        String partial = RemotePaths.join(context.dbFolder(), partialName);
        long size;
        try (Dump dump = connector.dump(database)) {
            dump.prepareDump();
            for (String warning : dump.warnings()) {
                context.reporter().warning(warning);
            }
            size = upload(dump, database, partial, path, partialName, name);
        }
        context.reporter().success("Backup completed: " + path);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        context.reporter().detail("Stored " + size + " bytes in " + duration.toMillis() + " ms");
        context.listener().on(new BackupEvent.AfterDbBackup(alias, path));
        List<String> removed = clean ? new Retention(context).apply(alias) : List.of();
        return new DbBackupResult(alias, path, size, duration, removed);
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
            String cause = StageFailure.describe(result.rootCause().orElseThrow());
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Backup of database '" + database.alias() + "' to " + path + " failed: " + cause);
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
}
