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

    /**
     * Asked instead of {@link #confirm(String, String)}, which it calls unless overridden, so that
     * a restore from another database's backup can say so.
     *
     * @param database the database alias restored into
     * @param path     the remote path to restore from
     * @param from     the database whose backup {@code path} is: {@code database} itself, or
     *                 another one when restoring e.g. production's backup into staging
     * @return true to restore, false to cancel (nothing is changed)
     */
    default boolean confirm(String database, String path, String from) {
        return confirm(database, path);
    }
}
