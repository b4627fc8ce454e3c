package dev.rclonebackup.spring;

/**
 * The eight backup events, published as Spring application events: an {@code @EventListener}
 * method taking one of these records (or {@code BackupEvent} for all of them) receives them,
 * synchronously, on the thread running the operation. An exception thrown while handling a
 * {@code Before…} event aborts the operation before anything is changed.
 */
public sealed interface BackupEvent {

    /** A database backup of {@code database} is about to start. */
    record BeforeDbBackup(String database) implements BackupEvent {
    }

    /** A database backup completed; {@code path} is its remote path, e.g. {@code db/default-2024-01-15-120000.dump}. */
    record AfterDbBackup(String database, String path) implements BackupEvent {
    }

    /** {@code database} is about to be restored from {@code path}. */
    record BeforeDbRestore(String database, String path) implements BackupEvent {
    }

    /** A restore of {@code database} completed. */
    record AfterDbRestore(String database) implements BackupEvent {
    }

    /** A media backup is about to start. */
    record BeforeMediaBackup() implements BackupEvent {
    }

    /** A media backup completed. */
    record AfterMediaBackup() implements BackupEvent {
    }

    /** A media restore is about to start. */
    record BeforeMediaRestore() implements BackupEvent {
    }

    /** A media restore completed. */
    record AfterMediaRestore() implements BackupEvent {
    }
}
