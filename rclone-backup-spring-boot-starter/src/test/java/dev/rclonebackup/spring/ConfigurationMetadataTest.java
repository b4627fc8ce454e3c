package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The metadata IDEs read: every key of rclone-backup.yml, each described, with the file's defaults. */
class ConfigurationMetadataTest {

    @Test
    void describesEveryKeyOfTheConfigurationFile() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            new ObjectMapper()
                    .readTree(in)
                    .get("properties")
                    .forEach(property -> properties.put(property.get("name").asString(), property));
        }
        assertThat(properties)
                .containsKeys(
                        "rclone-backup.remote",
                        "rclone-backup.rclone.binary",
                        "rclone-backup.rclone.config",
                        "rclone-backup.rclone.flags",
                        "rclone-backup.db.backup-dir",
                        "rclone-backup.db.filename-template",
                        "rclone-backup.db.date-format",
                        "rclone-backup.db.cleanup-keep",
                        "rclone-backup.media.root",
                        "rclone-backup.media.backup-dir",
                        "rclone-backup.media.follow-symlinks",
                        "rclone-backup.media.max-delete-percent",
                        "rclone-backup.databases",
                        "rclone-backup.connectors",
                        "rclone-backup.connector-mapping",
                        "rclone-backup.hooks",
                        "rclone-backup.enabled",
                        "rclone-backup.commands.enabled",
                        "rclone-backup.datasources.enabled",
                        "rclone-backup.schedule.db.cron",
                        "rclone-backup.schedule.db.clean",
                        "rclone-backup.schedule.db.databases",
                        "rclone-backup.schedule.media.cron",
                        "rclone-backup.health.max-age",
                        "rclone-backup.rclone.stall-timeout",
                        "rclone-backup.health.grace-period",
                        "rclone-backup.health.refresh-interval",
                        "management.health.rclone-backup.enabled");
        properties.forEach((name, property) -> {
            if (name.startsWith("rclone-backup.")) {
                assertThat(property.path("description").asString()).as(name).isNotBlank();
            }
        });
        assertThat(properties
                        .get("rclone-backup.db.cleanup-keep")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(10);
        assertThat(properties
                        .get("rclone-backup.db.filename-template")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("{database}-{datetime}.{ext}");
        assertThat(properties
                        .get("rclone-backup.media.follow-symlinks")
                        .get("defaultValue")
                        .asBoolean())
                .isTrue();
        assertThat(properties
                        .get("rclone-backup.media.max-delete-percent")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(50);
        assertThat(properties
                        .get("rclone-backup.health.max-age")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("26h");
        assertThat(properties
                        .get("rclone-backup.health.refresh-interval")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("5m");
        assertThat(properties
                        .get("rclone-backup.rclone.stall-timeout")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("10m");
    }
}
