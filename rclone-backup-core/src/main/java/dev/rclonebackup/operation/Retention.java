package dev.rclonebackup.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.rclone.RemoteEntry;
import dev.rclonebackup.settings.RetentionPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * dbbackup --clean: keeps the {@code db.cleanup-keep} newest backups of one database and deletes
 * the rest, together with that database's partial uploads older than a day (left by a killed
 * run), in one batched rclone call after one listing. Other databases' files, foreign files and recent partial
 * uploads (a backup running right now) are never touched.
 */
final class Retention {
    static final Duration STALE_PARTIAL_AGE = Duration.ofHours(24);

    private final Context context;

    Retention(Context context) {
        this.context = context;
    }

    /** @return the remote paths ({@code db/NAME}) deleted */
    List<String> apply(String alias) throws IOException, InterruptedException {
        List<RemoteEntry> files = context.rclone().lsjson(context.dbFolder(), false);
        List<BackupFile> backups = ListOperations.backupsAmong(files, alias, context.template());
        List<Instant> times = new ArrayList<>(backups.size());
        for (BackupFile backup : backups) {
            times.add(context.template().timeOf(backup.name()).orElse(backup.modified()));
        }
        List<Set<RetentionPolicy.Rule>> kept =
                RetentionPolicy.keepLast(context.settings().cleanupKeep()).apply(times);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < backups.size(); i++) {
            if (kept.get(i).isEmpty()) {
                context.reporter()
                        .info("Removing old backup: "
                                + context.displayPath(backups.get(i).name()));
                names.add(backups.get(i).name());
            }
        }
        Instant staleBefore = context.clock().instant().minus(STALE_PARTIAL_AGE);
        for (RemoteEntry entry : files) {
            if (!entry.dir()
                    && entry.modified().isBefore(staleBefore)
                    && PartialUpload.databaseOf(entry.name(), context.template())
                            .filter(alias::equals)
                            .isPresent()) {
                context.reporter().info("Removing stale partial upload: " + context.displayPath(entry.name()));
                names.add(entry.name());
            }
        }
        if (!names.isEmpty()) {
            context.rclone().deleteFiles(context.dbFolder(), names);
        }
        return names.stream().map(context::displayPath).toList();
    }
}
