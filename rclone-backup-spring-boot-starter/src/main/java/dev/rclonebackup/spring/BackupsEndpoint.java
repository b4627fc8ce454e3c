package dev.rclonebackup.spring;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.DbBackupResult;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code backups}: reading it lists the database backups on the remote,
 * newest first, with the fields of {@code listbackups --json}; writing it ({@code {"database": "default"}}) backs up that database and returns
 * where the backup was stored. Exposed and secured like any other Actuator endpoint.
 */
@Endpoint(id = "backups")
public class BackupsEndpoint {
    private final RcloneBackupOperations operations;

    public BackupsEndpoint(RcloneBackupOperations operations) {
        this.operations = operations;
    }

    /** The database backups on the remote, newest first. */
    @ReadOperation
    public Listing backups() {
        String folder = operations.settings().dbBackupDir();
        return new Listing(operations.listBackups(null).stream()
                .map(backup -> Entry.of(backup, folder))
                .toList());
    }

    /** Backs up {@code database} and returns where it was stored. */
    @WriteOperation
    public Backup backup(String database) {
        DbBackupResult result = operations.dbBackup(database, false);
        return new Backup(result.database(), result.path(), result.size());
    }

    /** The endpoint's read response. */
    public record Listing(List<Entry> backups) {}

    /**
     * One backup, as {@code listbackups --json} shows it.
     *
     * @param path     the backup's path under the remote, e.g. {@code db/default-2024-01-15-120000.dump}
     * @param size     bytes, or -1 when the remote does not know
     * @param modified the modification time in UTC, whole seconds, e.g. {@code 2024-01-15T12:00:00Z}
     */
    public record Entry(String database, String name, String path, long size, String modified) {
        static Entry of(BackupFile backup, String folder) {
            return new Entry(
                    backup.database(),
                    backup.name(),
                    folder + "/" + backup.name(),
                    backup.size(),
                    backup.modified().truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /**
     * The endpoint's write response.
     *
     * @param path the backup's remote path, e.g. {@code db/default-2024-01-15-120000.dump}
     * @param size bytes stored, or -1 when unknown
     */
    public record Backup(String database, String path, long size) {}
}
