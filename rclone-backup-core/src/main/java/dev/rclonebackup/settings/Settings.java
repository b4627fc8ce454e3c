package dev.rclonebackup.settings;

import dev.rclonebackup.ConfigurationException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete, validated configuration of rclone-backup: the same keys as
 * {@code rclone-backup.yml}. Immutable; build one with {@link #builder()}, which validates on
 * {@link Builder#build()} and names the offending key in its {@link ConfigurationException}.
 */
public final class Settings {
    public static final String DEFAULT_FILENAME_TEMPLATE = "{database}-{datetime}.{ext}";
    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd-HHmmss";
    public static final int DEFAULT_CLEANUP_KEEP = 10;
    public static final int DEFAULT_MEDIA_MAX_DELETE_PERCENT = 50;
    /** The events a {@code hooks} entry may name, in the order they are documented. */
    public static final List<String> HOOK_EVENTS = List.of(
            "pre-db-backup", "post-db-backup", "pre-db-restore", "post-db-restore",
            "pre-media-backup", "post-media-backup", "pre-media-restore", "post-media-restore");

    private final String remote;
    private final String rcloneBinary;
    private final Path rcloneConfig;
    private final List<String> rcloneFlags;
    private final String dbBackupDir;
    private final String filenameTemplate;
    private final String dateFormat;
    private final int cleanupKeep;
    private final Path mediaRoot;
    private final String mediaBackupDir;
    private final boolean mediaFollowSymlinks;
    private final int mediaMaxDeletePercent;
    private final Map<String, DatabaseSettings> databases;
    private final Map<String, String> connectors;
    private final Map<String, String> connectorMapping;
    private final Map<String, List<String>> hooks;

    private Settings(Builder b) {
        this.remote = b.remote;
        this.rcloneBinary = b.rcloneBinary;
        this.rcloneConfig = b.rcloneConfig;
        this.rcloneFlags = List.copyOf(b.rcloneFlags);
        this.dbBackupDir = b.dbBackupDir;
        this.filenameTemplate = b.filenameTemplate;
        this.dateFormat = b.dateFormat;
        this.cleanupKeep = b.cleanupKeep;
        this.mediaRoot = b.mediaRoot;
        this.mediaBackupDir = b.mediaBackupDir;
        this.mediaFollowSymlinks = b.mediaFollowSymlinks;
        this.mediaMaxDeletePercent = b.mediaMaxDeletePercent;
        this.databases = Collections.unmodifiableMap(new LinkedHashMap<>(b.databases));
        this.connectors = Collections.unmodifiableMap(new LinkedHashMap<>(b.connectors));
        this.connectorMapping = Collections.unmodifiableMap(new LinkedHashMap<>(b.connectorMapping));
        Map<String, List<String>> hookCopy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> hook : b.hooks.entrySet()) {
            hookCopy.put(hook.getKey(), List.copyOf(hook.getValue()));
        }
        this.hooks = Collections.unmodifiableMap(hookCopy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.remote = remote;
        b.rcloneBinary = rcloneBinary;
        b.rcloneConfig = rcloneConfig;
        b.rcloneFlags = List.copyOf(rcloneFlags);
        b.dbBackupDir = dbBackupDir;
        b.filenameTemplate = filenameTemplate;
        b.dateFormat = dateFormat;
        b.cleanupKeep = cleanupKeep;
        b.mediaRoot = mediaRoot;
        b.mediaBackupDir = mediaBackupDir;
        b.mediaFollowSymlinks = mediaFollowSymlinks;
        b.mediaMaxDeletePercent = mediaMaxDeletePercent;
        b.databases.putAll(databases);
        b.connectors.putAll(connectors);
        b.connectorMapping.putAll(connectorMapping);
        b.hooks.putAll(hooks);
        return b;
    }

    /** {@code remote}: the rclone {@code remote:path}, or a plain local path. */
    public String remote() {
        return remote;
    }

    /** {@code rclone.binary}: path or name of the rclone executable. */
    public String rcloneBinary() {
        return rcloneBinary;
    }

    /** {@code rclone.config}: an rclone.conf to use, or {@code null} for rclone's default. */
    public Path rcloneConfig() {
        return rcloneConfig;
    }

    /** {@code rclone.flags}: extra flags passed to every rclone call. */
    public List<String> rcloneFlags() {
        return rcloneFlags;
    }

    /** {@code db.backup-dir}: folder under the remote for database backups. */
    public String dbBackupDir() {
        return dbBackupDir;
    }

    /** {@code db.filename-template}. */
    public String filenameTemplate() {
        return filenameTemplate;
    }

    /** {@code db.date-format}: a {@link java.time.format.DateTimeFormatter} pattern, rendered in UTC. */
    public String dateFormat() {
        return dateFormat;
    }

    /** {@code db.cleanup-keep}: backups kept per database by a cleaning backup (at least 1). */
    public int cleanupKeep() {
        return cleanupKeep;
    }

    /** {@code media.root}: the local media folder, or {@code null} when not configured. */
    public Path mediaRoot() {
        return mediaRoot;
    }

    /** {@code media.backup-dir}: folder under the remote for media. */
    public String mediaBackupDir() {
        return mediaBackupDir;
    }

    /**
     * {@code media.follow-symlinks}: whether symbolic links under the media folder are followed
     * (their files and folders copied), as rclone's {@code --copy-links} does; true by default.
     */
    public boolean mediaFollowSymlinks() {
        return mediaFollowSymlinks;
    }

    /**
     * {@code media.max-delete-percent}: a media sync that would delete more than this share of
     * the destination's files (0 to 100) is refused unless forced; 50 by default.
     */
    public int mediaMaxDeletePercent() {
        return mediaMaxDeletePercent;
    }

    /** {@code databases}: alias to database, in configuration order. */
    public Map<String, DatabaseSettings> databases() {
        return databases;
    }

    /** {@code connectors}: database alias to connector (built-in id or class name). */
    public Map<String, String> connectors() {
        return connectors;
    }

    /** {@code connector-mapping}: engine to connector, merged over the built-in mapping. */
    public Map<String, String> connectorMapping() {
        return connectorMapping;
    }

    /** {@code hooks}: event name (e.g. {@code pre-db-backup}) to the command (argv) to run. */
    public Map<String, List<String>> hooks() {
        return hooks;
    }

    @Override
    public String toString() {
        return "Settings[remote=" + remote + ", databases=" + databases + "]";
    }

    /** Fluent, mutable builder; {@link #build()} validates and names the offending key. */
    public static final class Builder {
        private String remote;
        private String rcloneBinary = "rclone";
        private Path rcloneConfig;
        private List<String> rcloneFlags = List.of();
        private String dbBackupDir = "db";
        private String filenameTemplate = DEFAULT_FILENAME_TEMPLATE;
        private String dateFormat = DEFAULT_DATE_FORMAT;
        private int cleanupKeep = DEFAULT_CLEANUP_KEEP;
        private Path mediaRoot;
        private String mediaBackupDir = "media";
        private boolean mediaFollowSymlinks = true;
        private int mediaMaxDeletePercent = DEFAULT_MEDIA_MAX_DELETE_PERCENT;
        private final Map<String, DatabaseSettings> databases = new LinkedHashMap<>();
        private final Map<String, String> connectors = new LinkedHashMap<>();
        private final Map<String, String> connectorMapping = new LinkedHashMap<>();
        private final Map<String, List<String>> hooks = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder remote(String remote) {
            this.remote = remote;
            return this;
        }

        public Builder rcloneBinary(String rcloneBinary) {
            this.rcloneBinary = rcloneBinary;
            return this;
        }

        public Builder rcloneConfig(Path rcloneConfig) {
            this.rcloneConfig = rcloneConfig;
            return this;
        }

        public Builder rcloneFlags(List<String> rcloneFlags) {
            this.rcloneFlags = rcloneFlags == null ? List.of() : List.copyOf(rcloneFlags);
            return this;
        }

        public Builder dbBackupDir(String dbBackupDir) {
            this.dbBackupDir = dbBackupDir;
            return this;
        }

        public Builder filenameTemplate(String filenameTemplate) {
            this.filenameTemplate = filenameTemplate;
            return this;
        }

        public Builder dateFormat(String dateFormat) {
            this.dateFormat = dateFormat;
            return this;
        }

        public Builder cleanupKeep(int cleanupKeep) {
            this.cleanupKeep = cleanupKeep;
            return this;
        }

        public Builder mediaRoot(Path mediaRoot) {
            this.mediaRoot = mediaRoot;
            return this;
        }

        public Builder mediaBackupDir(String mediaBackupDir) {
            this.mediaBackupDir = mediaBackupDir;
            return this;
        }

        public Builder mediaFollowSymlinks(boolean mediaFollowSymlinks) {
            this.mediaFollowSymlinks = mediaFollowSymlinks;
            return this;
        }

        public Builder mediaMaxDeletePercent(int mediaMaxDeletePercent) {
            this.mediaMaxDeletePercent = mediaMaxDeletePercent;
            return this;
        }

        /** Adds or replaces the database {@code alias}. */
        public Builder database(String alias, DatabaseSettings database) {
            databases.put(alias, database);
            return this;
        }

        public Builder clearDatabases() {
            databases.clear();
            return this;
        }

        /** Uses {@code connector} (a built-in id or a class name) for the database {@code alias}. */
        public Builder connector(String alias, String connector) {
            connectors.put(alias, connector);
            return this;
        }

        /** Uses {@code connector} (a built-in id or a class name) for every database of {@code engine}. */
        public Builder connectorMapping(String engine, String connector) {
            connectorMapping.put(engine, connector);
            return this;
        }

        /** Runs {@code command} on {@code event} (e.g. {@code pre-db-backup}). */
        public Builder hook(String event, List<String> command) {
            hooks.put(event, List.copyOf(command));
            return this;
        }

        /** Validates and returns the immutable settings. */
        public Settings build() {
            Settings settings = new Settings(this);
            SettingsValidator.validate(settings);
            return settings;
        }
    }
}
