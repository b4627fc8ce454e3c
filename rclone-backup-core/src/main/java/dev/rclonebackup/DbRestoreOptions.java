package dev.rclonebackup;

/**
 * What {@link RcloneBackup#dbRestore(DbRestoreOptions, RestoreConfirmation)} restores.
 *
 * @param database  the database to restore into; null when exactly one database is configured
 * @param from      the database whose backup is restored, e.g. {@code prod} when restoring into
 *                  {@code staging}; null for {@code database}'s own backups. It must use the same
 *                  connector as {@code database}.
 * @param inputPath the backup, relative to {@code db.backup-dir}; null for the newest backup of
 *                  {@code from} (or of {@code database})
 */
public record DbRestoreOptions(String database, String from, String inputPath) {

    /** The newest backup of {@code database}, restored into it. */
    public static DbRestoreOptions of(String database) {
        return new DbRestoreOptions(database, null, null);
    }

    /** These options, restoring the backup of {@code from} instead. */
    public DbRestoreOptions withFrom(String from) {
        return new DbRestoreOptions(database, from, inputPath);
    }

    /** These options, restoring the backup {@code inputPath} instead of the newest. */
    public DbRestoreOptions withInputPath(String inputPath) {
        return new DbRestoreOptions(database, from, inputPath);
    }
}
