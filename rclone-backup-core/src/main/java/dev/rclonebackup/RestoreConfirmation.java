package dev.rclonebackup;

/** Asked once the backup to restore is known and before anything is changed. */
@FunctionalInterface
public interface RestoreConfirmation {

    /** Proceeds without asking. */
    RestoreConfirmation ALWAYS = (database, path) -> true;

    /**
     * @param database the database alias
     * @param path     the remote path to restore from, e.g. {@code db/default-2024-01-15-120000.dump}
     * @return true to restore, false to cancel (nothing is changed)
     */
    boolean confirm(String database, String path);
}
