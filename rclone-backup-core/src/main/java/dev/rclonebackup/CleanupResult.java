package dev.rclonebackup;

import java.util.List;

/**
 * Outcome of {@link RcloneBackup#cleanup}: what the retention policy kept and removed, database by
 * database in the order they were given (or configured).
 *
 * @param dryRun    whether nothing was deleted (the removals are what would have been removed)
 * @param databases one entry per database cleaned up
 */
public record CleanupResult(boolean dryRun, List<DatabaseCleanup> databases) {
    public CleanupResult {
        databases = List.copyOf(databases);
    }

    /** Every removed (or, in a dry run, removable) remote path, backups and stale partial uploads. */
    public List<String> removed() {
        return databases.stream()
                .flatMap(database -> database.removed().stream())
                .toList();
    }
}
