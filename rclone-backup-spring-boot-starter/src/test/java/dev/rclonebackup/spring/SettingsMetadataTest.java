package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata IDEs read describes every setting of the core's schema as the schema
 * does, and nothing under {@code rclone-backup.*} that is neither a schema key nor one of the
 * starter's own.
 */
class SettingsMetadataTest {
    private static final List<String> STARTER_KEYS =
            List.of("enabled", "commands.", "schedule.", "health.", "databases", "datasources.");

    private static Map<String, JsonNode> properties() throws IOException {
        try (InputStream in =
                SettingsMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the metadata the configuration processor writes").isNotNull();
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            for (JsonNode property : JsonMapper.shared().readTree(in).get("properties")) {
                byName.put(property.get("name").asString(), property);
            }
            return byName;
        }
    }

    private static String javaType(ValueType type) {
        return switch (type) {
            case STRING, REMOTE -> "java.lang.String";
            case INTEGER -> "java.lang.Integer";
            case BOOLEAN -> "java.lang.Boolean";
            case DECIMAL -> "java.lang.Double";
            case DURATION -> "java.time.Duration";
            case PATH -> "java.nio.file.Path";
            case STRING_LIST -> "java.util.List<java.lang.String>";
            case STRING_MAP -> "java.util.Map<java.lang.String,java.lang.String>";
            case COMMAND_MAP -> "java.util.Map<java.lang.String,java.util.List<java.lang.String>>";
            case DATABASES -> "java.util.Map<java.lang.String,dev.rclonebackup.spring.RcloneBackupProperties$Database>";
        };
    }

    @Test
    void everySettingOfTheSchemaIsDescribedAsTheSchemaSays() throws IOException {
        Map<String, JsonNode> properties = properties();
        for (Setting<?> setting : Setting.all()) {
            String name = SpringSettings.PREFIX + setting.key();
            JsonNode property = properties.get(name);
            assertThat(property).as(name).isNotNull();
            assertThat(property.get("type").asString()).as(name + " type").isEqualTo(javaType(setting.type()));
            if (setting.type() == ValueType.DATABASES) {
                continue;
            }
            assertThat(property.get("description").asString())
                    .as(name + " description")
                    .isEqualTo(setting.description());
            if (setting.defaultValue() instanceof List || setting.defaultValue() instanceof Map) {
                continue;
            }
            assertThat(setting.defaultText().orElse(null))
                    .as(name + " default")
                    .isEqualTo(
                            property.has("defaultValue")
                                    ? property.get("defaultValue").asString()
                                    : null);
        }
    }

    @Test
    void nothingElseIsDescribedUnderTheStartersPrefix() throws IOException {
        for (String name : properties().keySet()) {
            if (!name.startsWith(SpringSettings.PREFIX)) {
                continue;
            }
            String key = name.substring(SpringSettings.PREFIX.length());
            boolean known =
                    Setting.forKey(key).isPresent() || STARTER_KEYS.stream().anyMatch(key::startsWith);
            assertThat(known)
                    .as(name + " is a schema key or one of the starter's own")
                    .isTrue();
        }
    }
}
