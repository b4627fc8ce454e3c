package dev.rclonebackup.spring;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaListing;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.Settings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The five operations of {@link RcloneBackup} as an application bean: the same methods, each run
 * recorded in {@link BackupMetrics}. Inject this rather than the {@link RcloneBackup} bean to have
 * metrics; failures are the core's {@link dev.rclonebackup.RcloneBackupException}s.
 */
public class RcloneBackupOperations {
    static final String MEDIA = "media";

    private final RcloneBackup backups;
    private final BackupMetrics metrics;

    public RcloneBackupOperations(RcloneBackup backups, BackupMetrics metrics) {
        this.backups = backups;
        this.metrics = metrics;
    }

    /** The settings the operations run with. */
    public Settings settings() {
        return backups.settings();
    }

    /** See {@link RcloneBackup#dbBackup}. */
    public DbBackupResult dbBackup(String database, boolean clean) {
        return measured("db-backup", database, () -> backups.dbBackup(database, clean), DbBackupResult::size);
    }

    /** See {@link RcloneBackup#dbRestore}. */
    public DbRestoreResult dbRestore(String database, String inputPath, RestoreConfirmation confirmation) {
        String tag = database == null ? singleDatabase() : database;
        return measured("db-restore", tag, () -> backups.dbRestore(database, inputPath, confirmation), result -> -1);
    }

    /** See {@link RcloneBackup#mediaBackup}. */
    public MediaResult mediaBackup(MediaBackupOptions options) {
        return measured("media-backup", MEDIA, () -> backups.mediaBackup(options), result -> -1);
    }

    /** See {@link RcloneBackup#mediaRestore}. */
    public MediaResult mediaRestore(MediaRestoreOptions options) {
        return measured("media-restore", MEDIA, () -> backups.mediaRestore(options), result -> -1);
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

    private String singleDatabase() {
        return settings().databases().size() == 1
                ? settings().databases().keySet().iterator().next()
                : "unknown";
    }

    private <T> T measured(String operation, String database, Supplier<T> call, ToLongFunction<T> size) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            metrics.success(operation, database, Duration.ofNanos(System.nanoTime() - start), size.applyAsLong(result));
            return result;
        } catch (RuntimeException e) {
            metrics.failure(operation, database, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
