package dev.rclonebackup.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads configuration trees into a {@link Settings.Builder}, key by key, driven by the
 * {@link Setting} schema: every unknown key and every wrongly typed value is reported under its
 * dotted name ({@code db.cleanup-keep}, {@code databases.default.port}, {@code rclone.flags[2]},
 * {@code hooks.pre-db-backup}), with the nearest known key suggested. A {@code null} value leaves
 * a setting at its default.
 *
 * <p>A tree is made of maps, lists, strings, numbers, booleans and {@code null}: what a YAML file
 * or Spring Boot's binder produce. The command line reads {@code rclone-backup.yml} with
 * {@link #forFile}, the Spring Boot starter its {@code rclone-backup.*} properties with
 * {@link #forText}; both apply {@code RCLONE_BACKUP_*} variables with {@link #applyEnvironment}
 * where the front end reads them.
 */
public final class SettingsReader {
    private final ValueReader values;
    private final DatabaseEntryReader databases;

    private SettingsReader(ValueReader values) {
        this.values = values;
        this.databases = new DatabaseEntryReader(values);
    }

    /**
     * For a configuration file: values keep their YAML types (an integer must not be quoted),
     * strings are expanded by {@code interpolation}, relative paths are resolved against
     * {@code folder}, and messages start with {@code source: }.
     */
    public static SettingsReader forFile(String source, Interpolation interpolation, Path folder) {
        return new SettingsReader(new ValueReader(source, "", interpolation, folder, true));
    }

    /**
     * For values that arrive as text (Spring Boot properties): each is parsed into its setting's
     * type, lists may come as maps keyed {@code 0}, {@code 1} …, and every key in a message is
     * written under {@code keyPrefix} (e.g. {@code rclone-backup.}).
     */
    public static SettingsReader forText(String keyPrefix, Path folder) {
        return new SettingsReader(new ValueReader("", keyPrefix, Interpolation.NONE, folder, false));
    }

    /** Reads every setting of {@code tree} (the top-level mapping) into {@code builder}. */
    public void read(Map<String, ?> tree, Settings.Builder builder) {
        for (Map.Entry<String, ?> entry : tree.entrySet()) {
            String key = entry.getKey();
            Optional<Setting<?>> setting =
                    Setting.forKey(key).filter(s -> s.section().isEmpty());
            if (setting.isPresent()) {
                set(setting.get(), entry.getValue(), builder);
            } else if (sections().contains(key)) {
                readSection(key, entry.getValue(), builder);
            } else {
                throw values.error(key, "is not a known setting" + topLevelHint(key));
            }
        }
    }

    /**
     * Applies {@code RCLONE_BACKUP_<KEY>} variables (see {@link Setting#environmentVariable()}):
     * literal text parsed into the setting's type, a list split at whitespace, relative paths
     * resolved against {@code folder}. A variable set to an empty value is ignored, as if unset.
     *
     * @return the settings that were overridden, each with the variable that did it
     */
    public static Map<Setting<?>, String> applyEnvironment(
            Map<String, String> environment, Path folder, Settings.Builder builder) {
        Map<Setting<?>, String> applied = new LinkedHashMap<>();
        for (Setting<?> setting : Setting.all()) {
            Optional<String> variable = setting.environmentVariable();
            String text = variable.map(environment::get).orElse(null);
            if (text == null || text.isBlank()) {
                continue;
            }
            ValueReader reader = new ValueReader(variable.get(), "", Interpolation.NONE, folder, false);
            builder.setValue(setting, reader.parse(setting.key(), text, setting.type()));
            applied.put(setting, variable.get());
        }
        return applied;
    }

    private void readSection(String section, Object node, Settings.Builder builder) {
        for (Map.Entry<String, Object> child : mapping(section, node).entrySet()) {
            String name = child.getKey();
            String key = section + "." + name;
            Optional<Setting<?>> setting = Setting.forKey(key);
            if (setting.isPresent()) {
                set(setting.get(), child.getValue(), builder);
            } else if (keysIn(key).isEmpty()) {
                throw values.error(
                        key,
                        "is not a known setting"
                                + KeySuggestion.hint(name, keysIn(section), values.keyPrefix() + section + "."));
            } else {
                readSection(key, child.getValue(), builder);
            }
        }
    }

    private void set(Setting<?> setting, Object node, Settings.Builder builder) {
        switch (setting.type()) {
            case DATABASES -> {
                for (Map.Entry<String, Object> database :
                        mapping(setting.key(), node).entrySet()) {
                    builder.database(database.getKey(), databases.read(database.getKey(), database.getValue()));
                }
            }
            case STRING_MAP -> {
                Map<String, String> strings = new LinkedHashMap<>();
                for (Map.Entry<String, Object> entry :
                        mapping(setting.key(), node).entrySet()) {
                    String string = values.string(setting.key() + "." + entry.getKey(), entry.getValue());
                    if (string != null) {
                        strings.put(entry.getKey(), string);
                    }
                }
                builder.setValue(setting, strings);
            }
            case COMMAND_MAP -> readHooks(setting.key(), node, builder);
            default -> {
                Object value = values.read(setting.key(), node, setting.type());
                if (value != null) {
                    builder.setValue(setting, value);
                }
            }
        }
    }

    private void readHooks(String section, Object node, Settings.Builder builder) {
        for (Map.Entry<String, Object> hook : mapping(section, node).entrySet()) {
            String event = hook.getKey();
            String key = section + "." + event;
            if (!Settings.HOOK_EVENTS.contains(event)) {
                throw values.error(key, "is not an event" + KeySuggestion.hint(event, Settings.HOOK_EVENTS, ""));
            }
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) values.read(key, hook.getValue(), ValueType.STRING_LIST);
            if (argv != null) {
                builder.hook(event, argv);
            }
        }
    }

    private Map<String, Object> mapping(String key, Object node) {
        return mapping(values, key, node);
    }

    /** The entries of a mapping in their order; {@code null} is an empty mapping. */
    static Map<String, Object> mapping(ValueReader values, String key, Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw values.error(key, "must be a mapping of keys to values, got " + ValueReader.shown(key, node));
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entries.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return entries;
    }

    /** The top-level sections holding settings ({@code rclone}, {@code db}, {@code media}). */
    private static Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        for (Setting<?> setting : Setting.all()) {
            setting.section().ifPresent(sections::add);
        }
        return sections;
    }

    /**
     * The names directly under {@code section}, e.g. {@code binary}, {@code config}, {@code flags}
     * under {@code rclone}, {@code retention} under {@code db}; empty when it is no section.
     */
    private static List<String> keysIn(String section) {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting<?> setting : Setting.all()) {
            if (setting.key().startsWith(section + ".")) {
                String rest = setting.key().substring(section.length() + 1);
                int dot = rest.indexOf('.');
                keys.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return new ArrayList<>(keys);
    }

    private String topLevelHint(String key) {
        Optional<Setting<?>> dotted = Setting.forKey(key);
        if (dotted.isPresent() && key.contains(".")) {
            String section = key.substring(0, key.indexOf('.'));
            return "; write it nested, as " + section + ": {" + key.substring(section.length() + 1) + ": ...}";
        }
        for (Setting<?> setting : Setting.all()) {
            if (setting.key().endsWith("." + key)) {
                return "; did you mean '" + values.keyPrefix() + setting.key() + "'?";
            }
        }
        List<String> known = new ArrayList<>();
        for (Setting<?> setting : Setting.all()) {
            if (setting.section().isEmpty()) {
                known.add(setting.key());
            }
        }
        known.addAll(1, sections());
        return KeySuggestion.hint(key, known, values.keyPrefix());
    }
}
