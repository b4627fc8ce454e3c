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
 * anything is changed.
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
        POST_MEDIA_RESTORE("post-media-restore");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The event's name in configuration and hooks, e.g. {@code pre-db-backup}. */
        public String id() {
            return id;
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
}
