package dev.rclonebackup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of {@link RcloneBackup#dbBackup(List, boolean)}: one entry per database, in the order
 * they ran. A database whose backup failed does not stop the others, so a run may partly fail.
 *
 * @param databases each database's outcome, in the order they ran
 */
public record DbBackupsResult(List<Outcome> databases) {
    public DbBackupsResult {
        databases = List.copyOf(databases);
    }

    /**
     * One database's part of the run: its result, or the failure that ended its backup.
     *
     * @param database the database alias
     * @param result   the backup made, or null when it failed
     * @param failure  why it failed, or null when it succeeded
     * @param duration how long this database's backup (and clean-up) took, failed or not
     */
    public record Outcome(String database, DbBackupResult result, RcloneBackupException failure, Duration duration) {
        public Outcome {
            Objects.requireNonNull(database, "database");
            if ((result == null) == (failure == null)) {
                throw new IllegalArgumentException("An outcome has either a result or a failure");
            }
        }

        /** Whether this database was backed up. */
        public boolean succeeded() {
            return failure == null;
        }
    }

    /** The backups made, in the order they ran. */
    public List<DbBackupResult> results() {
        return databases.stream()
                .filter(Outcome::succeeded)
                .map(Outcome::result)
                .toList();
    }

    /** The outcomes of the databases whose backup failed, in the order they ran. */
    public List<Outcome> failures() {
        return databases.stream().filter(outcome -> !outcome.succeeded()).toList();
    }

    /** Whether every database was backed up. */
    public boolean succeeded() {
        return databases.stream().allMatch(Outcome::succeeded);
    }

    /**
     * The sentence that ends a run with failures, e.g. {@code Backup failed for 2 of 5 databases:
     * app, analytics}; empty when every database was backed up.
     */
    public String failureSummary() {
        List<Outcome> failures = failures();
        if (failures.isEmpty()) {
            return "";
        }
        return "Backup failed for " + failures.size() + " of " + databases.size() + " databases: "
                + String.join(", ", failures.stream().map(Outcome::database).toList());
    }
}
