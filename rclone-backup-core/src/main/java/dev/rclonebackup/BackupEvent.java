package dev.rclonebackup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened during an operation, delivered to every {@link BackupListener}. One
 * record per event; each has a {@link Type} whose {@link Type#id() id} ({@code pre-db-backup} …) is
 * also the key of the event's hook in the configuration.
 *
 * <p>A listener that throws while handling a {@code Before…} event aborts the operation before
 * anything is changed. An operation that fails (an interrupt included) sends its failure event
 * ({@code db-backup-failed} …) once; a listener that throws for it is reported as a warning and
 * changes neither the operation's error nor its outcome.
 */
public sealed interface BackupEvent {

    /** The kinds of event, in the order an operation sends them. */
    enum Type {
        PRE_DB_BACKUP("pre-db-backup"),
        POST_DB_BACKUP("post-db-backup"),
        PRE_DB_RESTORE("pre-db-restore"),
        POST_DB_RESTORE("post-db-restore"),
        PRE_MEDIA_BACKUP("pre-media-backup"),
        POST_MEDIA_BACKUP("post-media-backup"),
        PRE_MEDIA_RESTORE("pre-media-restore"),
        POST_MEDIA_RESTORE("post-media-restore"),
        DB_BACKUP_FAILED("db-backup-failed"),
        DB_RESTORE_FAILED("db-restore-failed"),
        MEDIA_BACKUP_FAILED("media-backup-failed"),
        MEDIA_RESTORE_FAILED("media-restore-failed");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The event's name in configuration and hooks, e.g. {@code pre-db-backup}. */
        public String id() {
            return id;
        }

        /** Whether this type reports a failed operation ({@code db-backup-failed} …). */
        public boolean isFailure() {
            return id.endsWith("-failed");
        }

        /** The type whose {@link #id()} is {@code id}. */
        public static Optional<Type> byId(String id) {
            for (Type type : values()) {
                if (type.id.equals(id)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }

        /** Every event's id, in declaration order. */
        public static List<String> ids() {
            List<String> ids = new ArrayList<>();
            for (Type type : values()) {
                ids.add(type.id);
            }
            return List.copyOf(ids);
        }
    }

    /** What kind of event this is. */
    Type type();

    /** The database alias, or {@code null} for media events. */
    default String database() {
        return null;
    }

    /** The backup's remote path ({@code db/NAME}), or {@code null} when the event has none. */
    default String path() {
        return null;
    }

    /**
     * Why the operation failed, one sentence with credentials hidden; {@code null} except for the
     * failure events.
     */
    default String error() {
        return null;
    }

    /** A backup of {@code database} is about to start. */
    record BeforeDbBackup(String database) implements BackupEvent {
        @Override
        public Type type() {
            return Type.PRE_DB_BACKUP;
        }
    }

    /** A backup of {@code database} was stored as {@code path}, e.g. {@code db/default-2024-01-15-120000.dump}. */
    record AfterDbBackup(String database, String path) implements BackupEvent {
        @Override
        public Type type() {
            return Type.POST_DB_BACKUP;
        }
    }

    /** {@code database} is about to be restored from {@code path}. */
    record BeforeDbRestore(String database, String path) implements BackupEvent {
        @Override
        public Type type() {
            return Type.PRE_DB_RESTORE;
        }
    }

    /** {@code database} was restored. */
    record AfterDbRestore(String database) implements BackupEvent {
        @Override
        public Type type() {
            return Type.POST_DB_RESTORE;
        }
    }

    /** A media backup is about to start. */
    record BeforeMediaBackup() implements BackupEvent {
        @Override
        public Type type() {
            return Type.PRE_MEDIA_BACKUP;
        }
    }

    /** A media backup completed. */
    record AfterMediaBackup() implements BackupEvent {
        @Override
        public Type type() {
            return Type.POST_MEDIA_BACKUP;
        }
    }

    /** A media restore is about to start. */
    record BeforeMediaRestore() implements BackupEvent {
        @Override
        public Type type() {
            return Type.PRE_MEDIA_RESTORE;
        }
    }

    /** A media restore completed. */
    record AfterMediaRestore() implements BackupEvent {
        @Override
        public Type type() {
            return Type.POST_MEDIA_RESTORE;
        }
    }

    /**
     * A backup of {@code database} failed or was interrupted; nothing was stored. {@code path} is the
     * name it was being stored under, or {@code null} when it failed before one was chosen.
     */
    record DbBackupFailed(String database, String path, String error) implements BackupEvent {
        @Override
        public Type type() {
            return Type.DB_BACKUP_FAILED;
        }
    }

    /**
     * A restore of {@code database} failed or was interrupted. {@code path} is the backup it was
     * restoring from, or {@code null} when it failed before one was chosen.
     */
    record DbRestoreFailed(String database, String path, String error) implements BackupEvent {
        @Override
        public Type type() {
            return Type.DB_RESTORE_FAILED;
        }
    }

    /** A media backup failed or was interrupted. */
    record MediaBackupFailed(String error) implements BackupEvent {
        @Override
        public Type type() {
            return Type.MEDIA_BACKUP_FAILED;
        }
    }

    /** A media restore failed or was interrupted. */
    record MediaRestoreFailed(String error) implements BackupEvent {
        @Override
        public Type type() {
            return Type.MEDIA_RESTORE_FAILED;
        }
    }
}
