package dev.rclonebackup.spring;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.DatabaseUrl;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@link DataSource} beans as databases to back up: their JDBC URL, user name
 * and password read from the pool's or driver's bean properties ({@code jdbcUrl}, {@code url} or
 * {@code URL}; {@code username} or {@code user}; {@code password}), without opening a connection.
 * A data source whose URL cannot be read, or is not one rclone-backup understands, is left out
 * with a warning.
 */
final class DataSourceDatabases {
    private static final Log LOG = LogFactory.getLog(DataSourceDatabases.class);

    private final ApplicationDatabase qualified;
    private final Map<String, ApplicationDatabase> aliases;

    /**
     * @param dataSources     the application's data sources by bean name, in bean definition order
     * @param qualifiedName   the bean name of the {@link RcloneBackupDataSource} one, or null
     * @param fallbackDefault the database {@code default} without a qualified data source, or null
     * @param withAliases     whether every data source becomes a database named after its bean
     */
    DataSourceDatabases(
            Map<String, DataSource> dataSources,
            String qualifiedName,
            ApplicationDatabase fallbackDefault,
            boolean withAliases) {
        this.qualified = qualifiedName == null
                ? null
                : read(qualifiedName, dataSources.get(qualifiedName)).orElse(null);
        ApplicationDatabase defaultDatabase = defaultDatabase(fallbackDefault);
        this.aliases =
                withAliases ? aliases(dataSources, defaultDatabase == null ? null : defaultDatabase.url()) : Map.of();
    }

    /** The database {@code default}: the qualified data source if it can be backed up, else {@code fallback}. */
    ApplicationDatabase defaultDatabase(ApplicationDatabase fallback) {
        return qualified != null ? qualified : fallback;
    }

    /** The data sources as databases named after their beans, the {@code default} one left out. */
    Map<String, ApplicationDatabase> aliases() {
        return aliases;
    }

    /** The data source {@code beanName} as a database, or empty (with a warning) when it cannot be backed up. */
    static Optional<ApplicationDatabase> read(String beanName, DataSource dataSource) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(target(dataSource));
        String url = property(bean, "jdbcUrl", "url", "URL");
        if (url == null) {
            LOG.warn("The DataSource bean '" + beanName + "' is not backed up: its JDBC URL cannot be read from a "
                    + dataSource.getClass().getName());
            return Optional.empty();
        }
        try {
            DatabaseUrl.parse(url, "the JDBC URL of the DataSource bean '" + beanName + "'");
        } catch (ConfigurationException e) {
            LOG.warn("The DataSource bean '" + beanName + "' is not backed up: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(
                new ApplicationDatabase(url, property(bean, "username", "user"), property(bean, "password")));
    }

    /**
     * Every data source that can be backed up, by bean name, in the order given; one whose URL is
     * {@code exceptUrl} (the database {@code default}) is left out.
     */
    private static Map<String, ApplicationDatabase> aliases(Map<String, DataSource> dataSources, String exceptUrl) {
        Map<String, ApplicationDatabase> aliases = new LinkedHashMap<>();
        dataSources.forEach((name, dataSource) -> read(name, dataSource)
                .filter(database -> exceptUrl == null || !database.url().equals(exceptUrl))
                .ifPresent(database -> aliases.put(name, database)));
        return Collections.unmodifiableMap(aliases);
    }

    private static Object target(DataSource dataSource) {
        DataSource target = dataSource;
        while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
            target = delegating.getTargetDataSource();
        }
        return target;
    }

    private static String property(BeanWrapper bean, String... names) {
        for (String name : names) {
            try {
                if (bean.isReadableProperty(name) && bean.getPropertyValue(name) instanceof String value) {
                    return value;
                }
            } catch (BeansException e) {
                // Not this name; try the next.
            }
        }
        return null;
    }
}
