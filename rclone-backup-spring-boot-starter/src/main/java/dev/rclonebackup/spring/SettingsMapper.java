package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the {@code rclone-backup.*} properties into the core's validated {@link Settings}, adding
 * the application's own database as {@code default} when that alias is not configured.
 */
final class SettingsMapper {
    static final String DEFAULT_DATABASE = "default";
    private static final Pattern KEY_FIRST = Pattern.compile("[a-z][a-z.-]*[a-z][ :]");

    private SettingsMapper() {
    }

    /**
     * @param applicationDatabase the application's data source, or null when it has none
     * @throws ConfigurationException naming the {@code rclone-backup.*} key that is wrong
     */
    static Settings toSettings(RcloneBackupProperties properties, ApplicationDatabase applicationDatabase) {
        Settings.Builder builder = Settings.builder()
                .remote(properties.getRemote())
                .rcloneBinary(properties.getRclone().getBinary())
                .rcloneConfig(properties.getRclone().getConfig())
                .rcloneFlags(properties.getRclone().getFlags())
                .dbBackupDir(properties.getDb().getBackupDir())
                .filenameTemplate(properties.getDb().getFilenameTemplate())
                .dateFormat(properties.getDb().getDateFormat())
                .cleanupKeep(properties.getDb().getCleanupKeep())
                .mediaRoot(properties.getMedia().getRoot())
                .mediaBackupDir(properties.getMedia().getBackupDir())
                .mediaFollowSymlinks(properties.getMedia().isFollowSymlinks())
                .mediaMaxDeletePercent(properties.getMedia().getMaxDeletePercent());
        if (applicationDatabase != null && !properties.getDatabases().containsKey(DEFAULT_DATABASE)) {
            builder.database(DEFAULT_DATABASE, DatabaseSettings.builder()
                    .url(applicationDatabase.url())
                    .username(applicationDatabase.username())
                    .password(applicationDatabase.password())
                    .build());
        }
        properties.getDatabases().forEach((alias, database) -> builder.database(alias, toDatabase(database)));
        properties.getConnectors().forEach(builder::connector);
        properties.getConnectorMapping().forEach(builder::connectorMapping);
        properties.getHooks().forEach(builder::hook);
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            // The core names keys as in rclone-backup.yml; here they live under rclone-backup.
            String message = e.getMessage();
            throw new ConfigurationException(KEY_FIRST.matcher(message).lookingAt()
                    ? "rclone-backup." + message : "Invalid rclone-backup.* setting: " + message, e);
        }
    }

    private static DatabaseSettings toDatabase(RcloneBackupProperties.Database database) {
        Map<String, Object> options = new LinkedHashMap<>();
        database.getOptions().forEach((key, value) -> options.put(key, optionValue(value)));
        return DatabaseSettings.builder()
                .url(database.getUrl())
                .engine(database.getEngine())
                .name(database.getName())
                .host(database.getHost())
                .port(database.getPort())
                .username(database.getUsername())
                .password(database.getPassword())
                .options(options)
                .build();
    }

    /** Spring binds a list under a {@code Map<String, Object>} as a map keyed "0", "1", …: make it a list again. */
    private static Object optionValue(Object value) {
        if (value instanceof Map<?, ?> indexed && isIndexed(indexed)) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < indexed.size(); i++) {
                list.add(String.valueOf(indexed.get(String.valueOf(i))));
            }
            return list;
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : String.valueOf(value);
    }

    private static boolean isIndexed(Map<?, ?> map) {
        for (int i = 0; i < map.size(); i++) {
            if (!map.containsKey(String.valueOf(i))) {
                return false;
            }
        }
        return !map.isEmpty();
    }
}
