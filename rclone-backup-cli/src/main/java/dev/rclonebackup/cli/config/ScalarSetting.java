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
import java.util.function.BiConsumer;

/**
 * One scalar setting of {@code rclone-backup.yml} (everything but the {@code databases},
 * {@code connectors}, {@code connector-mapping} and {@code hooks} maps): its dotted key, its
 * type and how it reaches {@link Settings.Builder}. {@link #ALL} is the single table the file
 * reader and the {@code RCLONE_BACKUP_*} overrides are both driven by.
 */
record ScalarSetting(String key, ValueType type, BiConsumer<Settings.Builder, Object> setter) {
    private static final String ENVIRONMENT_PREFIX = "RCLONE_BACKUP_";

    static final List<ScalarSetting> ALL = List.of(
            new ScalarSetting("remote", ValueType.REMOTE, (b, v) -> b.remote((String) v)),
            string("rclone.binary", Settings.Builder::rcloneBinary),
            new ScalarSetting("rclone.config", ValueType.PATH, (b, v) -> b.rcloneConfig((Path) v)),
            new ScalarSetting("rclone.flags", ValueType.STRING_LIST, (b, v) -> b.rcloneFlags(strings(v))),
            string("db.backup-dir", Settings.Builder::dbBackupDir),
            string("db.filename-template", Settings.Builder::filenameTemplate),
            string("db.date-format", Settings.Builder::dateFormat),
            new ScalarSetting("db.cleanup-keep", ValueType.INTEGER, (b, v) -> b.cleanupKeep((Integer) v)),
            new ScalarSetting("media.root", ValueType.PATH, (b, v) -> b.mediaRoot((Path) v)),
            string("media.backup-dir", Settings.Builder::mediaBackupDir));

    private static ScalarSetting string(String key, BiConsumer<Settings.Builder, String> setter) {
        return new ScalarSetting(key, ValueType.STRING, (b, v) -> setter.accept(b, (String) v));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
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
            setting.section().ifPresent(sections::add);
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

    void apply(Settings.Builder builder, Object value) {
        setter.accept(builder, value);
    }
}
