package dev.rclonebackup.cli.config;

import dev.rclonebackup.settings.Settings;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the YAML tree of a configuration file into a {@link Settings.Builder}, key by key, so
 * that every unknown key and every wrongly typed value is reported under its dotted name
 * ({@code db.cleanup-keep}, {@code databases.default.port}, {@code rclone.flags[2]},
 * {@code hooks.pre-db-backup}). YAML {@code null} leaves a setting at its default.
 */
final class FileSettingsReader {
    private static final String DATABASES = "databases";
    private static final String CONNECTORS = "connectors";
    private static final String CONNECTOR_MAPPING = "connector-mapping";
    private static final String HOOKS = "hooks";

    private final ValueReader values;
    private final DatabaseEntryReader databases;

    FileSettingsReader(ValueReader values) {
        this.values = values;
        this.databases = new DatabaseEntryReader(values);
    }

    void readInto(JsonNode root, Settings.Builder builder) {
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            if (ScalarSetting.topLevelKeys().contains(key)) {
                set(ScalarSetting.forKey(key).orElseThrow(), node, builder);
            } else if (ScalarSetting.sections().contains(key)) {
                readSection(key, node, builder);
            } else if (key.equals(DATABASES)) {
                for (Map.Entry<String, JsonNode> database : mapping(key, node).entrySet()) {
                    builder.database(database.getKey(), databases.read(database.getKey(), database.getValue()));
                }
            } else if (key.equals(CONNECTORS)) {
                for (Map.Entry<String, String> connector : strings(key, node).entrySet()) {
                    builder.connector(connector.getKey(), connector.getValue());
                }
            } else if (key.equals(CONNECTOR_MAPPING)) {
                for (Map.Entry<String, String> mapping : strings(key, node).entrySet()) {
                    builder.connectorMapping(mapping.getKey(), mapping.getValue());
                }
            } else if (key.equals(HOOKS)) {
                readHooks(node, builder);
            } else {
                throw values.error(key, "is not a known setting" + topLevelHint(key));
            }
        }
    }

    private void readSection(String section, JsonNode node, Settings.Builder builder) {
        for (Map.Entry<String, JsonNode> child : mapping(section, node).entrySet()) {
            String name = child.getKey();
            String key = section + "." + name;
            Optional<ScalarSetting> setting = ScalarSetting.forKey(key);
            if (setting.isEmpty()) {
                throw values.error(key, "is not a known setting"
                        + KeySuggestion.hint(name, ScalarSetting.keysIn(section), section + "."));
            }
            set(setting.get(), child.getValue(), builder);
        }
    }

    private void set(ScalarSetting setting, JsonNode node, Settings.Builder builder) {
        Object value = values.read(setting.key(), node, setting.type());
        if (value != null) {
            setting.apply(builder, value);
        }
    }

    private void readHooks(JsonNode node, Settings.Builder builder) {
        for (Map.Entry<String, JsonNode> hook : mapping(HOOKS, node).entrySet()) {
            String event = hook.getKey();
            String key = HOOKS + "." + event;
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

    private Map<String, String> strings(String section, JsonNode node) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping(section, node).entrySet()) {
            String string = values.string(section + "." + entry.getKey(), entry.getValue());
            if (string != null) {
                strings.put(entry.getKey(), string);
            }
        }
        return strings;
    }

    /** The entries of a mapping in file order; YAML null is an empty mapping. */
    Map<String, JsonNode> mapping(String key, JsonNode node) {
        return mapping(values, key, node);
    }

    static Map<String, JsonNode> mapping(ValueReader values, String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw values.error(key, "must be a mapping of keys to values, got " + ValueReader.shown(key, node));
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            entries.put(entry.getKey(), entry.getValue());
        }
        return entries;
    }

    private String topLevelHint(String key) {
        Optional<ScalarSetting> dotted = ScalarSetting.forKey(key);
        if (dotted.isPresent() && key.contains(".")) {
            String section = key.substring(0, key.indexOf('.'));
            return "; write it nested, as " + section + ": {" + key.substring(section.length() + 1) + ": ...}";
        }
        Optional<ScalarSetting> nested = ScalarSetting.ALL.stream()
                .filter(setting -> setting.key().endsWith("." + key)).findFirst();
        if (nested.isPresent()) {
            return "; did you mean '" + nested.get().key() + "'?";
        }
        List<String> known = new ArrayList<>(ScalarSetting.topLevelKeys());
        known.addAll(ScalarSetting.sections());
        known.addAll(List.of(DATABASES, CONNECTORS, CONNECTOR_MAPPING, HOOKS));
        return KeySuggestion.hint(key, known, "");
    }
}
