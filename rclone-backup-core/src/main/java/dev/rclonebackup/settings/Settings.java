package dev.rclonebackup.settings;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.internal.secrets.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complete, validated configuration of rclone-backup: the same keys as
 * {@code rclone-backup.yml}. Immutable; build one with {@link #builder()}, which validates on
 * {@link Builder#build()} and names the offending key in its {@link ConfigurationException}.
 */
public final class Settings {
    public static final String DEFAULT_FILENAME_TEMPLATE = Setting.DB_FILENAME_TEMPLATE.defaultValue();
    public static final String DEFAULT_DATE_FORMAT = Setting.DB_DATE_FORMAT.defaultValue();
    public static final int DEFAULT_CLEANUP_KEEP = Setting.DB_CLEANUP_KEEP.defaultValue();
    /** Default of {@code rclone.stall-timeout}. */
    public static final Duration DEFAULT_RCLONE_STALL_TIMEOUT = Setting.RCLONE_STALL_TIMEOUT.defaultValue();

    public static final int DEFAULT_MEDIA_MAX_DELETE_PERCENT = Setting.MEDIA_MAX_DELETE_PERCENT.defaultValue();
    /** The events a {@code hooks} entry may name, in the order they are documented. */
    public static final List<String> HOOK_EVENTS = BackupEvent.Type.ids();

    /** The {@code db.retention.*} settings, in the order of {@link RetentionPolicy}'s components. */
    public static final List<Setting<Integer>> RETENTION = List.of(
            Setting.DB_RETENTION_KEEP_LAST,
            Setting.DB_RETENTION_KEEP_HOURLY,
            Setting.DB_RETENTION_KEEP_DAILY,
            Setting.DB_RETENTION_KEEP_WEEKLY,
            Setting.DB_RETENTION_KEEP_MONTHLY,
            Setting.DB_RETENTION_KEEP_YEARLY);

    private final Map<Setting<?>, Object> values;
    private final Set<Setting<?>> configured;

    private Settings(Builder b) {
        Map<Setting<?>, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<Setting<?>, Object> value : b.values.entrySet()) {
            copy.put(value.getKey(), immutable(value.getValue()));
        }
        this.values = Collections.unmodifiableMap(copy);
        this.configured = Set.copyOf(b.configured);
    }

    /** Lists and maps as unmodifiable copies, keeping the configuration's order. */
    private static Object immutable(Object value) {
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(entry.getKey(), immutable(entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preloaded with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Map.Entry<Setting<?>, Object> value : values.entrySet()) {
            b.values.put(
                    value.getKey(),
                    value.getValue() instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value.getValue());
        }
        b.configured.addAll(configured);
        return b;
    }

    /** The value of {@code setting}: as configured, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** {@code remote}: the rclone {@code remote:path}, or a plain local path. */
    public String remote() {
        return get(Setting.REMOTE);
    }

    /** {@code rclone.binary}: path or name of the rclone executable. */
    public String rcloneBinary() {
        return get(Setting.RCLONE_BINARY);
    }

    /** {@code rclone.config}: an rclone.conf to use, or {@code null} for rclone's default. */
    public Path rcloneConfig() {
        return get(Setting.RCLONE_CONFIG);
    }

    /** {@code rclone.flags}: extra flags passed to every rclone call. */
    public List<String> rcloneFlags() {
        return get(Setting.RCLONE_FLAGS);
    }

    /**
     * {@code rclone.stall-timeout}: an rclone call that moves no data for this long is ended and
     * fails; metadata calls (listing, moving, deleting) are ended after at most two minutes.
     */
    public Duration rcloneStallTimeout() {
        return get(Setting.RCLONE_STALL_TIMEOUT);
    }

    /** {@code db.backup-dir}: folder under the remote for database backups. */
    public String dbBackupDir() {
        return get(Setting.DB_BACKUP_DIR);
    }

    /** {@code db.filename-template}. */
    public String filenameTemplate() {
        return get(Setting.DB_FILENAME_TEMPLATE);
    }

    /** {@code db.date-format}: a {@link java.time.format.DateTimeFormatter} pattern, rendered in UTC. */
    public String dateFormat() {
        return get(Setting.DB_DATE_FORMAT);
    }

    /** {@code db.cleanup-keep}: backups kept per database by a cleaning backup (at least 1). */
    public int cleanupKeep() {
        return get(Setting.DB_CLEANUP_KEEP);
    }

    /** Whether {@code setting} was given a value rather than left at its default. */
    public boolean isConfigured(Setting<?> setting) {
        return configured.contains(setting);
    }

    /** Whether any {@code db.retention.*} key has a value. */
    public boolean hasRetention() {
        return RETENTION.stream().anyMatch(setting -> get(setting) != null);
    }

    /**
     * The policy that {@code cleanup} and {@code dbbackup --clean} apply: {@code db.retention}
     * (keys left out are 0) when any of its keys is set, else keep-last {@code db.cleanup-keep}.
     */
    public RetentionPolicy retentionPolicy() {
        if (!hasRetention()) {
            return RetentionPolicy.keepLast(cleanupKeep());
        }
        int[] keep = RETENTION.stream()
                .mapToInt(setting -> get(setting) == null ? 0 : get(setting))
                .toArray();
        return new RetentionPolicy(keep[0], keep[1], keep[2], keep[3], keep[4], keep[5]);
    }

    /** {@code db.retries}: how many more times a backup whose upload rclone failed is tried (0 by default). */
    public int dbRetries() {
        return get(Setting.DB_RETRIES);
    }

    /** {@code db.retry-delay}: the wait before each retry of a backup (30 s by default). */
    public Duration dbRetryDelay() {
        return get(Setting.DB_RETRY_DELAY);
    }

    /** {@code media.root}: the local media folder, or {@code null} when not configured. */
    public Path mediaRoot() {
        return get(Setting.MEDIA_ROOT);
    }

    /** {@code media.backup-dir}: folder under the remote for media. */
    public String mediaBackupDir() {
        return get(Setting.MEDIA_BACKUP_DIR);
    }

    /**
     * {@code media.follow-symlinks}: whether symbolic links under the media folder are followed
     * (their files and folders copied), as rclone's {@code --copy-links} does; true by default.
     */
    public boolean mediaFollowSymlinks() {
        return get(Setting.MEDIA_FOLLOW_SYMLINKS);
    }

    /**
     * {@code media.max-delete-percent}: a media sync that would delete more than this share of
     * the destination's files (0 to 100) is refused unless forced; 50 by default.
     */
    public int mediaMaxDeletePercent() {
        return get(Setting.MEDIA_MAX_DELETE_PERCENT);
    }

    /** {@code check.max-age}: the oldest a database's newest backup may be for check to pass; 26 hours by default. */
    public Duration checkMaxAge() {
        return get(Setting.CHECK_MAX_AGE);
    }

    /**
     * {@code check.min-size-ratio}: when not null, the newest backup must be at least this share
     * (0 &lt; R &le; 1) of the previous one's size for check to pass.
     */
    public Double checkMinSizeRatio() {
        return get(Setting.CHECK_MIN_SIZE_RATIO);
    }

    /** {@code databases}: alias to database, in configuration order. */
    public Map<String, DatabaseSettings> databases() {
        return get(Setting.DATABASES);
    }

    /** {@code connectors}: database alias to connector (built-in id or class name). */
    public Map<String, String> connectors() {
        return get(Setting.CONNECTORS);
    }

    /** {@code connector-mapping}: engine to connector, merged over the built-in mapping. */
    public Map<String, String> connectorMapping() {
        return get(Setting.CONNECTOR_MAPPING);
    }

    /** {@code hooks}: event name (e.g. {@code pre-db-backup}) to the command (argv) to run. */
    public Map<String, List<String>> hooks() {
        return get(Setting.HOOKS);
    }

    /** {@code notify.start-url}: where a command's start is posted, or {@code null} for nowhere. */
    public String notifyStartUrl() {
        return get(Setting.NOTIFY_START_URL);
    }

    /** {@code notify.success-url}: where a command's success is posted, or {@code null} for nowhere. */
    public String notifySuccessUrl() {
        return get(Setting.NOTIFY_SUCCESS_URL);
    }

    /** {@code notify.failure-url}: where a command's failure is posted, or {@code null} for nowhere. */
    public String notifyFailureUrl() {
        return get(Setting.NOTIFY_FAILURE_URL);
    }

    /** {@code notify.timeout}: the most one notification may take, connecting included. */
    public Duration notifyTimeout() {
        return get(Setting.NOTIFY_TIMEOUT);
    }

    @Override
    public String toString() {
        return "Settings[remote=" + Redactor.POSITIONAL.text(remote()) + ", databases=" + databases() + "]";
    }

    /** Fluent, mutable builder; {@link #build()} validates and names the offending key. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();
        private final Set<Setting<?>> configured = new HashSet<>();

        private Builder() {
            for (Setting<?> setting : Setting.all()) {
                Object value = setting.defaultValue();
                values.put(setting, value instanceof Map<?, ?> ? new LinkedHashMap<>() : value);
            }
        }

        /** Sets {@code setting}; {@code null} is an empty list or mapping for those, else no value. */
        public <T> Builder set(Setting<T> setting, T value) {
            if (value == null) {
                configured.remove(setting);
                Object fallback = setting.defaultValue();
                values.put(
                        setting,
                        fallback instanceof Map<?, ?>
                                ? new LinkedHashMap<>()
                                : fallback instanceof List ? List.of() : null);
            } else {
                configured.add(setting);
                values.put(setting, value instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value);
            }
            return this;
        }

        /** {@link #set} for a value already checked to be of the setting's type. */
        @SuppressWarnings("unchecked")
        Builder setValue(Setting<?> setting, Object value) {
            return set((Setting<Object>) setting, value);
        }

        public Builder remote(String remote) {
            return set(Setting.REMOTE, remote);
        }

        public Builder rcloneBinary(String rcloneBinary) {
            return set(Setting.RCLONE_BINARY, rcloneBinary);
        }

        public Builder rcloneConfig(Path rcloneConfig) {
            return set(Setting.RCLONE_CONFIG, rcloneConfig);
        }

        public Builder rcloneFlags(List<String> rcloneFlags) {
            return set(Setting.RCLONE_FLAGS, rcloneFlags == null ? null : List.copyOf(rcloneFlags));
        }

        /** How long an rclone call may move no data before it is ended (greater than zero). */
        public Builder rcloneStallTimeout(Duration rcloneStallTimeout) {
            return set(Setting.RCLONE_STALL_TIMEOUT, rcloneStallTimeout);
        }

        public Builder dbBackupDir(String dbBackupDir) {
            return set(Setting.DB_BACKUP_DIR, dbBackupDir);
        }

        public Builder filenameTemplate(String filenameTemplate) {
            return set(Setting.DB_FILENAME_TEMPLATE, filenameTemplate);
        }

        public Builder dateFormat(String dateFormat) {
            return set(Setting.DB_DATE_FORMAT, dateFormat);
        }

        public Builder cleanupKeep(int cleanupKeep) {
            return set(Setting.DB_CLEANUP_KEEP, cleanupKeep);
        }

        /**
         * Sets every {@code db.retention.*} key from {@code policy}, which then replaces
         * {@code db.cleanup-keep}; {@code null} unsets them.
         */
        public Builder retention(RetentionPolicy policy) {
            set(Setting.DB_RETENTION_KEEP_LAST, policy == null ? null : policy.keepLast());
            set(Setting.DB_RETENTION_KEEP_HOURLY, policy == null ? null : policy.keepHourly());
            set(Setting.DB_RETENTION_KEEP_DAILY, policy == null ? null : policy.keepDaily());
            set(Setting.DB_RETENTION_KEEP_WEEKLY, policy == null ? null : policy.keepWeekly());
            set(Setting.DB_RETENTION_KEEP_MONTHLY, policy == null ? null : policy.keepMonthly());
            return set(Setting.DB_RETENTION_KEEP_YEARLY, policy == null ? null : policy.keepYearly());
        }

        /** How many more times a backup whose upload rclone failed is tried (at least 0). */
        public Builder dbRetries(int dbRetries) {
            return set(Setting.DB_RETRIES, dbRetries);
        }

        /** The wait before each retry of a backup. */
        public Builder dbRetryDelay(Duration dbRetryDelay) {
            return set(Setting.DB_RETRY_DELAY, dbRetryDelay);
        }

        public Builder mediaRoot(Path mediaRoot) {
            return set(Setting.MEDIA_ROOT, mediaRoot);
        }

        public Builder mediaBackupDir(String mediaBackupDir) {
            return set(Setting.MEDIA_BACKUP_DIR, mediaBackupDir);
        }

        public Builder mediaFollowSymlinks(boolean mediaFollowSymlinks) {
            return set(Setting.MEDIA_FOLLOW_SYMLINKS, mediaFollowSymlinks);
        }

        public Builder mediaMaxDeletePercent(int mediaMaxDeletePercent) {
            return set(Setting.MEDIA_MAX_DELETE_PERCENT, mediaMaxDeletePercent);
        }

        /** The oldest a newest backup may be for check to pass (greater than zero). */
        public Builder checkMaxAge(Duration checkMaxAge) {
            return set(Setting.CHECK_MAX_AGE, checkMaxAge);
        }

        /** The least share (0 &lt; R &le; 1) of the previous backup's size the newest must have; null for no such check. */
        public Builder checkMinSizeRatio(Double checkMinSizeRatio) {
            return set(Setting.CHECK_MIN_SIZE_RATIO, checkMinSizeRatio);
        }

        /** Adds or replaces the database {@code alias}. */
        public Builder database(String alias, DatabaseSettings database) {
            map(Setting.DATABASES).put(alias, database);
            return this;
        }

        public Builder clearDatabases() {
            map(Setting.DATABASES).clear();
            return this;
        }

        /** Uses {@code connector} (a built-in id or a class name) for the database {@code alias}. */
        public Builder connector(String alias, String connector) {
            map(Setting.CONNECTORS).put(alias, connector);
            return this;
        }

        /** Uses {@code connector} (a built-in id or a class name) for every database of {@code engine}. */
        public Builder connectorMapping(String engine, String connector) {
            map(Setting.CONNECTOR_MAPPING).put(engine, connector);
            return this;
        }

        /** Runs {@code command} on {@code event} (e.g. {@code pre-db-backup}). */
        public Builder hook(String event, List<String> command) {
            map(Setting.HOOKS).put(event, List.copyOf(command));
            return this;
        }

        @SuppressWarnings("unchecked")
        private <K, V> Map<K, V> map(Setting<Map<K, V>> setting) {
            return (Map<K, V>) values.get(setting);
        }

        /** Validates and returns the immutable settings. */
        public Settings build() {
            Settings settings = new Settings(this);
            SettingsValidator.validate(settings);
            return settings;
        }
    }
}
