package dev.rclonebackup.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads one {@code databases.<alias>} entry. The {@code name} of an {@code engine: sqlite} entry
 * is a file and is resolved like every other path; a {@code url} is kept as written.
 */
final class DatabaseEntryReader {
    private static final List<String> KEYS =
            List.of("url", "engine", "name", "host", "port", "username", "password", "options");
    private static final String SQLITE = "sqlite";

    private final ValueReader values;

    DatabaseEntryReader(ValueReader values) {
        this.values = values;
    }

    DatabaseSettings read(String alias, Object entry) {
        String prefix = "databases." + alias + ".";
        DatabaseSettings.Builder database = DatabaseSettings.builder();
        Object nameNode = null;
        String engine = null;
        for (Map.Entry<String, Object> field :
                SettingsReader.mapping(values, "databases." + alias, entry).entrySet()) {
            String key = prefix + field.getKey();
            Object node = field.getValue();
            switch (field.getKey()) {
                case "url" -> database.url(values.string(key, node));
                case "engine" -> engine = values.string(key, node);
                case "name" -> nameNode = node;
                case "host" -> database.host(values.string(key, node));
                case "port" -> database.port((Integer) values.read(key, node, ValueType.INTEGER));
                case "username" -> database.username(values.string(key, node));
                case "password" -> database.password(values.string(key, node));
                case "options" -> readOptions(key, node, database);
                default ->
                    throw values.error(
                            key,
                            "is not a known database setting"
                                    + KeySuggestion.hint(field.getKey(), KEYS, values.keyPrefix() + prefix));
            }
        }
        return database.engine(engine)
                .name(name(prefix + "name", nameNode, SQLITE.equalsIgnoreCase(engine)))
                .build();
    }

    private String name(String key, Object node, boolean isFile) {
        if (!isFile) {
            return values.string(key, node);
        }
        Path file = (Path) values.read(key, node, ValueType.PATH);
        return file == null ? null : file.toString();
    }

    private void readOptions(String key, Object node, DatabaseSettings.Builder database) {
        for (Map.Entry<String, Object> option :
                SettingsReader.mapping(values, key, node).entrySet()) {
            String optionKey = key + "." + option.getKey();
            Object value = option.getValue();
            boolean isList = value instanceof List || (value instanceof Map<?, ?> map && ValueReader.isIndexed(map));
            Object converted =
                    isList ? values.read(optionKey, value, ValueType.STRING_LIST) : values.string(optionKey, value);
            if (converted != null) {
                database.option(option.getKey(), converted);
            }
        }
    }
}
