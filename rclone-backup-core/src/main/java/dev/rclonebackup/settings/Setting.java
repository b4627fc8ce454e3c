package dev.rclonebackup.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of the configuration: every setting of {@code rclone-backup.yml} (and of
 * {@code rclone-backup.*} in Spring Boot) with its dotted key, type, default and description. The
 * file reader, the environment overrides, the Spring Boot binding and the documentation all work
 * from this one table: adding a setting is adding a constant here and the code that uses it.
 *
 * @param <T> the Java type of the value: {@code String}, {@code Integer}, {@code Boolean},
 *            {@code Double}, {@code java.time.Duration}, {@code Path}, {@code List<String>} or a map
 */
public final class Setting<T> {
    private static final String ENVIRONMENT_PREFIX = "RCLONE_BACKUP_";
    /** The block of {@code db.retention.keep-*} settings. */
    public static final String RETENTION_SECTION = "db.retention";

    private static final List<Setting<?>> ALL = new ArrayList<>();
    private static final Map<String, Setting<?>> BY_KEY = new LinkedHashMap<>();

    public static final Setting<String> REMOTE = new Setting<>(
            "remote",
            ValueType.REMOTE,
            null,
            "Where backups are stored: an rclone remote:path (e.g. \"b2:bucket/app\") or a local folder. Required.");
    public static final Setting<String> RCLONE_BINARY = new Setting<>(
            "rclone.binary", ValueType.STRING, "rclone", "The rclone executable: a name looked up on PATH, or a path.");
    public static final Setting<Path> RCLONE_CONFIG = new Setting<>(
            "rclone.config", ValueType.PATH, null, "The rclone.conf to use; unset, rclone's own default.");
    public static final Setting<List<String>> RCLONE_FLAGS = new Setting<>(
            "rclone.flags",
            ValueType.STRING_LIST,
            List.of(),
            "Extra flags for every rclone call, e.g. [\"--bwlimit\", \"10M\"].");
    public static final Setting<Duration> RCLONE_STALL_TIMEOUT = new Setting<>(
            "rclone.stall-timeout",
            ValueType.DURATION,
            Duration.ofMinutes(10),
            "An rclone call that moves no data for this long is ended and fails; "
                    + "listing, moving and deleting are ended after at most 2 minutes.");
    public static final Setting<String> DB_BACKUP_DIR =
            new Setting<>("db.backup-dir", ValueType.STRING, "db", "Folder under the remote for database backups.");
    public static final Setting<String> DB_FILENAME_TEMPLATE = new Setting<>(
            "db.filename-template",
            ValueType.STRING,
            "{database}-{datetime}.{ext}",
            "Backup file names: {database}, {datetime} and {ext}, each at most once.");
    public static final Setting<String> DB_DATE_FORMAT = new Setting<>(
            "db.date-format",
            ValueType.STRING,
            "yyyy-MM-dd-HHmmss",
            "The {datetime} of file names: a java.time pattern, rendered in UTC.");
    public static final Setting<Integer> DB_CLEANUP_KEEP = new Setting<>(
            "db.cleanup-keep",
            ValueType.INTEGER,
            10,
            "Backups kept per database by cleanup and dbbackup --clean (at least 1): the shorthand for "
                    + "db.retention.keep-last.");
    public static final Setting<Integer> DB_RETENTION_KEEP_LAST = retention(
            "keep-last", "Retention policy: the newest N backups of each database (replaces db.cleanup-keep).");
    public static final Setting<Integer> DB_RETENTION_KEEP_HOURLY =
            retention("keep-hourly", "Retention policy: the newest backup of each of the newest N hours (UTC).");
    public static final Setting<Integer> DB_RETENTION_KEEP_DAILY =
            retention("keep-daily", "Retention policy: the newest backup of each of the newest N days (UTC).");
    public static final Setting<Integer> DB_RETENTION_KEEP_WEEKLY =
            retention("keep-weekly", "Retention policy: the newest backup of each of the newest N ISO weeks.");
    public static final Setting<Integer> DB_RETENTION_KEEP_MONTHLY =
            retention("keep-monthly", "Retention policy: the newest backup of each of the newest N months.");
    public static final Setting<Integer> DB_RETENTION_KEEP_YEARLY =
            retention("keep-yearly", "Retention policy: the newest backup of each of the newest N years.");
    public static final Setting<Integer> DB_RETRIES = new Setting<>(
            "db.retries",
            ValueType.INTEGER,
            0,
            "How many more times dbbackup tries, each from a fresh dump, when rclone fails the upload "
                    + "(never after a dump tool error or an interrupt).");
    public static final Setting<Duration> DB_RETRY_DELAY = new Setting<>(
            "db.retry-delay", ValueType.DURATION, Duration.ofSeconds(30), "The wait before each retry of dbbackup.");
    public static final Setting<Path> MEDIA_ROOT =
            new Setting<>("media.root", ValueType.PATH, null, "The local media folder; the media commands need it.");
    public static final Setting<String> MEDIA_BACKUP_DIR =
            new Setting<>("media.backup-dir", ValueType.STRING, "media", "Folder under the remote for the media copy.");
    public static final Setting<Boolean> MEDIA_FOLLOW_SYMLINKS = new Setting<>(
            "media.follow-symlinks",
            ValueType.BOOLEAN,
            true,
            "Follow symbolic links under media.root and back up what they point to; link loops are refused.");
    public static final Setting<Integer> MEDIA_MAX_DELETE_PERCENT = new Setting<>(
            "media.max-delete-percent",
            ValueType.INTEGER,
            50,
            "A media sync that would delete more than this share (0 to 100) of the "
                    + "destination's files refuses to run unless --force.");
    public static final Setting<Duration> CHECK_MAX_AGE = new Setting<>(
            "check.max-age",
            ValueType.DURATION,
            Duration.ofHours(26),
            "check fails for a database whose newest backup is older than this; --max-age overrides it.");
    public static final Setting<Double> CHECK_MIN_SIZE_RATIO = new Setting<>(
            "check.min-size-ratio",
            ValueType.DECIMAL,
            null,
            "When set (0 < R <= 1), check also fails for a database whose newest backup is smaller "
                    + "than R times the previous one.");
    public static final Setting<Map<String, DatabaseSettings>> DATABASES = new Setting<>(
            "databases",
            ValueType.DATABASES,
            Map.of(),
            "Database alias to its connection: url, or engine and name (host, port); username, password, options.");
    public static final Setting<Map<String, String>> CONNECTORS = new Setting<>(
            "connectors",
            ValueType.STRING_MAP,
            Map.of(),
            "Database alias to the connector to use: a built-in id or a class name.");
    public static final Setting<Map<String, String>> CONNECTOR_MAPPING = new Setting<>(
            "connector-mapping",
            ValueType.STRING_MAP,
            Map.of(),
            "Engine to connector, merged over the built-in mapping.");
    public static final Setting<Map<String, List<String>>> HOOKS = new Setting<>(
            "hooks",
            ValueType.COMMAND_MAP,
            Map.of(),
            "Event (pre-db-backup, post-db-backup, …) to the command to run, as an argv list.");
    public static final Setting<String> NOTIFY_START_URL = new Setting<>(
            "notify.start-url",
            ValueType.STRING,
            null,
            "An http(s) URL that receives a JSON POST when a command starts; kept secret in all output.");
    public static final Setting<String> NOTIFY_SUCCESS_URL = new Setting<>(
            "notify.success-url",
            ValueType.STRING,
            null,
            "An http(s) URL that receives a JSON POST when a command succeeds; kept secret in all output.");
    public static final Setting<String> NOTIFY_FAILURE_URL = new Setting<>(
            "notify.failure-url",
            ValueType.STRING,
            null,
            "An http(s) URL that receives a JSON POST when a command fails or is interrupted; "
                    + "kept secret in all output.");
    public static final Setting<Duration> NOTIFY_TIMEOUT = new Setting<>(
            "notify.timeout",
            ValueType.DURATION,
            Duration.ofSeconds(10),
            "The most a notification may take, connecting included; a slower one is a warning.");

    private final String key;
    private final ValueType type;
    private final T defaultValue;
    private final String description;

    private Setting(String key, ValueType type, T defaultValue, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        ALL.add(this);
        BY_KEY.put(key, this);
    }

    /** One key of {@code db.retention}: an integer of at least 0, unset by default. */
    private static Setting<Integer> retention(String name, String description) {
        return new Setting<>(RETENTION_SECTION + "." + name, ValueType.INTEGER, null, description);
    }

    /** Every setting, in the order the documentation lists them. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The setting of {@code key}, e.g. {@code db.cleanup-keep}. */
    public static Optional<Setting<?>> forKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The dotted key, e.g. {@code db.cleanup-keep}. */
    public String key() {
        return key;
    }

    public ValueType type() {
        return type;
    }

    /** The value when the setting is not configured; {@code null} for none. */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as it would be written in the configuration ({@code 10}, {@code 10m},
     * {@code []}), or empty when there is none.
     */
    public Optional<String> defaultText() {
        if (defaultValue == null) {
            return Optional.empty();
        }
        if (defaultValue instanceof Duration duration) {
            return Optional.of(Durations.format(duration));
        }
        if (defaultValue instanceof List<?> list && list.isEmpty()) {
            return Optional.of("[]");
        }
        if (defaultValue instanceof Map<?, ?> map && map.isEmpty()) {
            return Optional.of("{}");
        }
        return Optional.of(String.valueOf(defaultValue));
    }

    /** One sentence for documentation and IDEs. */
    public String description() {
        return description;
    }

    /** The top-level section holding it ({@code db} for {@code db.cleanup-keep}), or empty at the top level. */
    public Optional<String> section() {
        int dot = key.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(key.substring(0, dot));
    }

    /**
     * The environment variable that overrides it, for single values and lists:
     * {@code db.cleanup-keep} → {@code RCLONE_BACKUP_DB_CLEANUP_KEEP}.
     */
    public Optional<String> environmentVariable() {
        if (!type.isScalar()) {
            return Optional.empty();
        }
        return Optional.of(ENVIRONMENT_PREFIX
                + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    @Override
    public String toString() {
        return key;
    }
}
