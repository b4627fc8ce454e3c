package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.settings.SettingsReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Reads the core's settings from the application's {@code rclone-backup.*} properties: each key of
 * the schema ({@link Setting}) is bound by name, so Spring's relaxed forms work
 * ({@code RCLONE_BACKUP_DB_CLEANUPKEEP}, {@code rclone-backup.db.cleanupKeep}), and the values go
 * through the same reader as {@code rclone-backup.yml}, which names the {@code rclone-backup.*} key
 * of any mistake, an unknown key included. The application's own database becomes {@code default}
 * unless that alias is configured.
 */
final class SpringSettings {
    static final String PREFIX = "rclone-backup.";
    static final String DEFAULT_DATABASE = "default";

    /**
     * The keys only {@link RcloneBackupProperties} binds, not the schema ({@code enabled},
     * {@code schedule} …), in Spring's uniform form: Spring checks their values.
     */
    private static final Set<String> APPLICATION_KEYS = uniformPropertyNames(RcloneBackupProperties.class);

    /** The keys of a {@code databases} entry, in Spring's uniform form. */
    private static final Set<String> DATABASE_FIELDS = uniformPropertyNames(RcloneBackupProperties.Database.class);

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("rclone-backup");

    private static final Bindable<List<String>> STRINGS = Bindable.listOf(String.class);
    private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);
    private static final Bindable<Map<String, List<String>>> COMMAND_MAP =
            Bindable.of(ResolvableType.forClassWithGenerics(
                    Map.class,
                    ResolvableType.forClass(String.class),
                    ResolvableType.forClassWithGenerics(List.class, String.class)));

    private SpringSettings() {}

    /**
     * @param databases           the {@code rclone-backup.databases} entries, as Spring bound them
     * @param applicationDatabase the application's data source, or null when it has none
     * @param dataSourceAliases   more databases from the application's data sources, by alias; a
     *                            configured database of the same alias wins
     * @param customizers         applied in this order, last
     * @throws ConfigurationException naming the {@code rclone-backup.*} key that is wrong
     */
    static Settings read(
            Environment environment,
            Map<String, RcloneBackupProperties.Database> databases,
            ApplicationDatabase applicationDatabase,
            Map<String, ApplicationDatabase> dataSourceAliases,
            List<RcloneBackupSettingsCustomizer> customizers) {
        Binder binder = Binder.get(environment);
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Setting<?> setting : Setting.all()) {
            Object value = setting == Setting.DATABASES ? databaseTree(databases) : bind(binder, setting);
            if (value != null) {
                put(tree, setting, value);
            }
        }
        // The reader rejects them with the nearest known key, as it does in a configuration file.
        for (ConfigurationPropertyName unknown : unknownNames(environment)) {
            putUnknown(tree, unknown, environment.getProperty(unknown.toString()));
        }
        Settings.Builder builder = Settings.builder();
        SettingsReader.forText(PREFIX, Path.of("").toAbsolutePath()).read(tree, builder);
        if (applicationDatabase != null && !databases.containsKey(DEFAULT_DATABASE)) {
            builder.database(DEFAULT_DATABASE, settings(applicationDatabase));
        }
        dataSourceAliases.forEach((alias, database) -> {
            if (!databases.containsKey(alias) && !alias.equals(DEFAULT_DATABASE)) {
                builder.database(alias, settings(database));
            }
        });
        customizers.forEach(customizer -> customizer.customize(builder));
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw e.located("", PREFIX);
        }
    }

    private static DatabaseSettings settings(ApplicationDatabase database) {
        return DatabaseSettings.builder()
                .url(database.url())
                .username(database.username())
                .password(database.password())
                .build();
    }

    /** The value of {@code setting} as Spring binds it, or {@code null} when it is not set. */
    private static Object bind(Binder binder, Setting<?> setting) {
        String name = PREFIX + setting.key();
        return switch (setting.type()) {
            case STRING_LIST -> binder.bind(name, STRINGS).orElse(null);
            case STRING_MAP -> binder.bind(name, STRING_MAP).orElse(null);
            case COMMAND_MAP -> binder.bind(name, COMMAND_MAP).orElse(null);
            default -> binder.bind(name, String.class).orElse(null);
        };
    }

    /**
     * The {@code rclone-backup.*} properties, in the application's own property sources, that are
     * neither a key of the schema (or an entry of one, such as {@code rclone.flags[0]}) nor one of
     * {@link #APPLICATION_KEYS}. Environment variables are not searched: they are not the
     * application's to choose, and a typo there reads as a different name.
     */
    static Set<ConfigurationPropertyName> unknownNames(Environment environment) {
        Set<ConfigurationPropertyName> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream()
                        .filter(name -> ROOT.isAncestorOf(name) && !isKnown(name))
                        .forEach(unknown::add);
            }
        }
        return unknown;
    }

    private static Set<String> uniformPropertyNames(Class<?> type) {
        return Stream.of(BeanUtils.getPropertyDescriptors(type))
                .map(property -> property.getName().toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals("class"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isKnown(ConfigurationPropertyName name) {
        String section = name.getElement(1, ConfigurationPropertyName.Form.UNIFORM);
        if (section.equals(Setting.DATABASES.key())) {
            return name.getNumberOfElements() < 4
                    || DATABASE_FIELDS.contains(name.getElement(3, ConfigurationPropertyName.Form.UNIFORM));
        }
        if (APPLICATION_KEYS.contains(section)) {
            return true;
        }
        for (Setting<?> setting : Setting.all()) {
            ConfigurationPropertyName key = ConfigurationPropertyName.of(PREFIX + setting.key());
            if (key.equals(name) || key.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }

    /** Puts an unknown property where it stands in a configuration tree, as it was written. */
    @SuppressWarnings("unchecked")
    private static void putUnknown(Map<String, Object> tree, ConfigurationPropertyName name, Object value) {
        Map<String, Object> node = tree;
        int last = name.getNumberOfElements() - 1;
        for (int i = 1; i < last; i++) {
            Object child = node.computeIfAbsent(
                    name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL), element -> new LinkedHashMap<>());
            if (!(child instanceof Map<?, ?>)) {
                return; // beneath a known setting: its reader explains what is wrong with it
            }
            node = (Map<String, Object>) child;
        }
        node.putIfAbsent(name.getElement(last, ConfigurationPropertyName.Form.ORIGINAL), value);
    }

    /** Puts {@code value} where {@code setting} stands in a configuration tree ({@code db.cleanup-keep} under {@code db}). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, Setting<?> setting, Object value) {
        Optional<String> section = setting.section();
        if (section.isEmpty()) {
            tree.put(setting.key(), value);
            return;
        }
        Map<String, Object> children =
                (Map<String, Object>) tree.computeIfAbsent(section.get(), name -> new LinkedHashMap<>());
        children.put(setting.key().substring(section.get().length() + 1), value);
    }

    private static Map<String, Object> databaseTree(Map<String, RcloneBackupProperties.Database> databases) {
        Map<String, Object> tree = new LinkedHashMap<>();
        databases.forEach((alias, database) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", database.getUrl());
            entry.put("engine", database.getEngine());
            entry.put("name", database.getName());
            entry.put("host", database.getHost());
            entry.put("port", database.getPort());
            entry.put("username", database.getUsername());
            entry.put("password", database.getPassword());
            entry.put("options", database.getOptions());
            tree.put(alias, entry);
        });
        return tree;
    }
}
