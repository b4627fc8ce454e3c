package dev.rclonebackup.cli.config;

import dev.rclonebackup.settings.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One scalar setting of {@code rclone-backup.yml} (everything but the {@code databases},
 * {@code connectors}, {@code connector-mapping} and {@code hooks} maps): its dotted key, its
 * type and how it reaches {@link Settings.Builder}. {@link #ALL} is the single table the file
 * reader and the {@code RCLONE_BACKUP_*} overrides are both driven by.
 */
enum ScalarSetting {
    REMOTE("remote", ValueType.REMOTE),
    RCLONE_BINARY("rclone.binary", ValueType.STRING),
    RCLONE_CONFIG("rclone.config", ValueType.PATH),
    RCLONE_FLAGS("rclone.flags", ValueType.STRING_LIST),
    DB_BACKUP_DIR("db.backup-dir", ValueType.STRING),
    DB_FILENAME_TEMPLATE("db.filename-template", ValueType.STRING),
    DB_DATE_FORMAT("db.date-format", ValueType.STRING),
    DB_CLEANUP_KEEP("db.cleanup-keep", ValueType.INTEGER),
    MEDIA_ROOT("media.root", ValueType.PATH),
    MEDIA_BACKUP_DIR("media.backup-dir", ValueType.STRING),
    MEDIA_FOLLOW_SYMLINKS("media.follow-symlinks", ValueType.BOOLEAN),
    MEDIA_MAX_DELETE_PERCENT("media.max-delete-percent", ValueType.INTEGER);

    private static final String ENVIRONMENT_PREFIX = "RCLONE_BACKUP_";

    static final List<ScalarSetting> ALL = List.of(values());

    private final String key;
    private final ValueType type;

    ScalarSetting(String key, ValueType type) {
        this.key = key;
        this.type = type;
    }

    /** The dotted key, e.g. {@code db.cleanup-keep}. */
    String key() {
        return key;
    }

    /** What the value must be. */
    ValueType type() {
        return type;
    }

    /** Sets {@code value}, already read as {@link #type()}, on {@code builder}. */
    @SuppressWarnings("unchecked")
    void apply(Settings.Builder builder, Object value) {
        // A switch expression, so the compiler checks that every constant has its setter; not a lambda
        // per constant, as the JVM links each lambda when first used, which start-up would pay for.
        Settings.Builder unused = switch (this) {
            case REMOTE -> builder.remote((String) value);
            case RCLONE_BINARY -> builder.rcloneBinary((String) value);
            case RCLONE_CONFIG -> builder.rcloneConfig((Path) value);
            case RCLONE_FLAGS -> builder.rcloneFlags((List<String>) value);
            case DB_BACKUP_DIR -> builder.dbBackupDir((String) value);
            case DB_FILENAME_TEMPLATE -> builder.filenameTemplate((String) value);
            case DB_DATE_FORMAT -> builder.dateFormat((String) value);
            case DB_CLEANUP_KEEP -> builder.cleanupKeep((Integer) value);
            case MEDIA_ROOT -> builder.mediaRoot((Path) value);
            case MEDIA_BACKUP_DIR -> builder.mediaBackupDir((String) value);
            case MEDIA_FOLLOW_SYMLINKS -> builder.mediaFollowSymlinks((Boolean) value);
            case MEDIA_MAX_DELETE_PERCENT -> builder.mediaMaxDeletePercent((Integer) value);
        };
    }

    private static final Map<String, ScalarSetting> BY_KEY = byKey();

    private static Map<String, ScalarSetting> byKey() {
        Map<String, ScalarSetting> byKey = new LinkedHashMap<>();
        for (ScalarSetting setting : ALL) {
            byKey.put(setting.key, setting);
        }
        return byKey;
    }

    static Optional<ScalarSetting> forKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The top-level sections holding scalar settings ({@code rclone}, {@code db}, {@code media}). */
    static Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        for (ScalarSetting setting : ALL) {
            Optional<String> section = setting.section();
            if (section.isPresent()) {
                sections.add(section.get());
            }
        }
        return sections;
    }

    /** The keys directly under {@code section}, e.g. {@code binary}, {@code config}, {@code flags} under {@code rclone}. */
    static List<String> keysIn(String section) {
        return ALL.stream().filter(s -> s.section().filter(section::equals).isPresent())
                .map(s -> s.key.substring(section.length() + 1)).toList();
    }

    /** The top-level scalar keys ({@code remote}). */
    static List<String> topLevelKeys() {
        List<String> keys = new ArrayList<>();
        for (ScalarSetting setting : ALL) {
            if (setting.section().isEmpty()) {
                keys.add(setting.key);
            }
        }
        return keys;
    }

    private Optional<String> section() {
        int dot = key.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(key.substring(0, dot));
    }

    /** The variable overriding this setting: {@code db.cleanup-keep} → {@code RCLONE_BACKUP_DB_CLEANUP_KEEP}. */
    String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
