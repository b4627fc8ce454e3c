package dev.rclonebackup.operation;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.naming.RemotePaths;
import dev.rclonebackup.process.PipelineResult;
import dev.rclonebackup.rclone.RemoteEntry;

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

        context.listener().beforeDbBackup(alias);
        context.reporter().info("Backing up database '" + alias + "' to " + path);
        String partialName = PartialUpload.nameFor(name);
        String partial = RemotePaths.join(context.dbFolder(), partialName);
        RemoteEntry stored;
        try {
            stream(database, connector, partial, path);
            stored = context.rclone().movetoIfAbsent(context.dbFolder(), partialName, name)
                    .orElseThrow(() -> alreadyExists(path));
        } catch (IOException | InterruptedException | RuntimeException e) {
            PartialUpload.remove(context, partial);
            throw e;
        }
        context.reporter().success("Backup completed: " + path);
        long size = stored.size();
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        context.reporter().detail("Stored " + size + " bytes in " + duration.toMillis() + " ms");
        context.listener().afterDbBackup(alias, path);
        List<String> removed = clean ? new Retention(context).apply(alias) : List.of();
        return new DbBackupResult(alias, path, size, duration, removed);
    }

    private void stream(Database database, Connector connector, String partial, String path)
            throws IOException, InterruptedException {
        PipelineResult result;
        Optional<Dump.TailCheck> tailCheck;
        try (Dump dump = connector.dump(database)) {
            result = Streams.run(context, dump.step(), context.rclone().rcat(partial));
            tailCheck = dump.tailCheck();
        }
        if (!result.succeeded()) {
            String cause = StageFailure.describe(result.rootCause().orElseThrow(), database.password());
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                    "Backup of database '" + database.alias() + "' to " + path + " failed: " + cause);
        }
        if (tailCheck.isPresent()) {
            checkTail(database, tailCheck.get(), partial, path);
        }
    }

    /** Reads the end of the uploaded partial and lets the connector judge it, before it gets its name. */
    private void checkTail(Database database, Dump.TailCheck check, String partial, String path)
            throws IOException, InterruptedException {
        Optional<String> problem = check.problem(context.rclone().tail(partial, check.length()));
        if (problem.isPresent()) {
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, "Backup of database '" + database.alias()
                    + "' to " + path + " failed: " + StageFailure.redact(problem.get(), database.password()));
        }
    }

    private static RcloneBackupException alreadyExists(String path) {
        return new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                "A backup named " + path + " already exists; refusing to overwrite it (wait a second and try again, "
                        + "or put a finer {datetime} in db.date-format)");
    }
}
