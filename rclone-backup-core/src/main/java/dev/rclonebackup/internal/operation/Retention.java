package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CleanupResult;
import dev.rclonebackup.DatabaseCleanup;
import dev.rclonebackup.DatabaseCleanup.KeptBackup;
import dev.rclonebackup.internal.rclone.RemoteEntry;
import dev.rclonebackup.settings.RetentionPolicy;
import dev.rclonebackup.settings.RetentionPolicy.Rule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the retention policy ({@code db.retention}, or keep-last {@code db.cleanup-keep}) for
 * {@code cleanup} and {@code dbbackup --clean}: one listing of the backup folder, a decision per
 * database, and one batched rclone call deleting the backups no rule keeps together with those
 * databases' partial uploads older than a day (left by a killed run). Other databases' files,
 * foreign files and recent partial uploads (a backup running right now) are never touched. When
 * the listing fails, nothing is deleted.
 */
public final class Retention {
    static final Duration STALE_PARTIAL_AGE = Duration.ofHours(24);

    private final Context context;

    public Retention(Context context) {
        this.context = context;
    }

    /** {@code dbbackup --clean}: cleans up {@code alias}; @return the remote paths ({@code db/NAME}) deleted */
    List<String> apply(String alias) throws IOException, InterruptedException {
        return run(List.of(alias), false).removed();
    }

    /** {@code cleanup}: {@link #run}, then a closing line saying how many files went and how many backups stay. */
    public CleanupResult cleanup(List<String> aliases, boolean dryRun) throws IOException, InterruptedException {
        CleanupResult result = run(aliases, dryRun);
        int removed = result.removed().size();
        int kept = result.databases().stream()
                .mapToInt(database -> database.kept().size())
                .sum();
        context.reporter()
                .success(
                        dryRun
                                ? "Dry run of the cleanup: " + files(removed) + " would be removed, " + backups(kept)
                                        + " kept; nothing was changed."
                                : "Cleanup completed: removed " + files(removed) + ", kept " + backups(kept) + ".");
        return result;
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    private static String backups(int count) {
        return count + (count == 1 ? " backup" : " backups");
    }

    /**
     * Cleans up {@code aliases} (each a configured database) in one listing and at most one
     * deletion; with {@code dryRun}, only says what would be removed.
     */
    public CleanupResult run(List<String> aliases, boolean dryRun) throws IOException, InterruptedException {
        List<RemoteEntry> files = context.rclone().lsjson(context.dbFolder(), false);
        Map<String, List<BackupFile>> backups = ListOperations.backupsAmong(files, null, context.template()).stream()
                .collect(Collectors.groupingBy(BackupFile::database, LinkedHashMap::new, Collectors.toList()));
        RetentionPolicy policy = context.settings().retentionPolicy();
        Instant staleBefore = context.clock().instant().minus(STALE_PARTIAL_AGE);
        List<DatabaseCleanup> cleanups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String alias : aliases) {
            List<String> partials = stalePartials(alias, files, staleBefore);
            DatabaseCleanup cleanup = decide(alias, backups.getOrDefault(alias, List.of()), policy, partials);
            report(cleanup, dryRun);
            cleanups.add(cleanup);
            names.addAll(namesOf(cleanup.removedBackups()));
            names.addAll(partials);
        }
        if (!dryRun && !names.isEmpty()) {
            context.rclone().deleteFiles(context.dbFolder(), names);
        }
        return new CleanupResult(dryRun, cleanups);
    }

    private DatabaseCleanup decide(
            String alias, List<BackupFile> newestFirst, RetentionPolicy policy, List<String> partials) {
        List<Instant> times = new ArrayList<>(newestFirst.size());
        for (BackupFile backup : newestFirst) {
            times.add(context.template().timeOf(backup.name()).orElse(backup.modified()));
        }
        List<Set<Rule>> rules = policy.apply(times);
        List<KeptBackup> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            String path = context.displayPath(newestFirst.get(i).name());
            if (rules.get(i).isEmpty()) {
                removed.add(path);
            } else {
                kept.add(new KeptBackup(path, rules.get(i)));
            }
        }
        return new DatabaseCleanup(
                alias,
                kept,
                removed,
                partials.stream().map(context::displayPath).toList());
    }

    private List<String> stalePartials(String alias, List<RemoteEntry> files, Instant staleBefore) {
        List<String> partials = new ArrayList<>();
        for (RemoteEntry entry : files) {
            if (!entry.dir()
                    && entry.modified().isBefore(staleBefore)
                    && PartialUpload.databaseOf(entry.name(), context.template())
                            .filter(alias::equals)
                            .isPresent()) {
                partials.add(entry.name());
            }
        }
        return partials;
    }

    private void report(DatabaseCleanup cleanup, boolean dryRun) {
        for (KeptBackup backup : cleanup.kept()) {
            context.reporter()
                    .detail("Keeping " + backup.path() + " ("
                            + backup.rules().stream().map(Rule::id).collect(Collectors.joining(", ")) + ")");
        }
        for (String path : cleanup.removedBackups()) {
            context.reporter().info((dryRun ? "Would remove: " : "Removing old backup: ") + path);
        }
        for (String path : cleanup.removedPartials()) {
            context.reporter()
                    .info((dryRun ? "Would remove stale partial upload: " : "Removing stale partial upload: ") + path);
        }
    }

    /** The file names of {@code db/NAME} paths. */
    private List<String> namesOf(List<String> paths) {
        int prefix = context.settings().dbBackupDir().length() + 1;
        return paths.stream().map(path -> path.substring(prefix)).toList();
    }
}
