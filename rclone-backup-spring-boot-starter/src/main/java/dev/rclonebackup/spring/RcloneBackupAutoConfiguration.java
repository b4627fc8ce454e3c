package dev.rclonebackup.spring;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.Settings;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The core of rclone-backup's auto-configuration: settings from {@code rclone-backup.*} (the
 * application's data source becoming database {@code default}), the {@link RcloneBackup} facade,
 * its metered {@link RcloneBackupOperations}, events as application events and one-shot commands.
 * Scheduling, the Actuator endpoint, the health indicator and the metrics are auto-configurations
 * of their own ({@link RcloneBackupSchedulingAutoConfiguration} …), each excludable. Every bean can
 * be replaced by one of the application's own; {@code rclone-backup.enabled=false} turns it all off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "rclone-backup.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RcloneBackupProperties.class)
public class RcloneBackupAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Settings rcloneBackupSettings(
            Environment environment,
            RcloneBackupProperties properties,
            ObjectProvider<ApplicationDatabase> applicationDatabase,
            ObjectProvider<DataSourceDatabases> dataSources,
            ObjectProvider<RcloneBackupSettingsCustomizer> customizers) {
        DataSourceDatabases fromDataSources = dataSources.getIfAvailable();
        ApplicationDatabase defaultDatabase = fromDataSources == null
                ? applicationDatabase.getIfAvailable()
                : fromDataSources.defaultDatabase(applicationDatabase.getIfAvailable());
        return SpringSettings.read(
                environment,
                properties.getDatabases(),
                defaultDatabase,
                fromDataSources == null ? Map.of() : fromDataSources.aliases(),
                customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationEventBackupListener applicationEventBackupListener(ApplicationEventPublisher publisher) {
        return new ApplicationEventBackupListener(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    RcloneBackupFactory rcloneBackupFactory(
            Settings settings, ObjectProvider<BackupListener> listeners, ObjectProvider<Connector> connectors) {
        return new RcloneBackupFactory(
                settings,
                listeners.orderedStream().toList(),
                connectors.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    RcloneBackup rcloneBackup(RcloneBackupFactory factory) {
        return factory.create(new LoggingReporter());
    }

    @Bean
    @ConditionalOnMissingBean
    RcloneBackupOperations rcloneBackupOperations(
            RcloneBackup rcloneBackup,
            ObjectProvider<BackupMetrics> metrics,
            ObjectProvider<OperationObserver> observer) {
        return new RcloneBackupOperations(
                rcloneBackup,
                metrics.getIfAvailable(() -> BackupMetrics.NONE),
                observer.getIfAvailable(() -> OperationObserver.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "rclone-backup.commands.enabled", matchIfMissing = true)
    OneShotCommands rcloneBackupOneShotCommands(RcloneBackupFactory factory) {
        return new OneShotCommands(factory);
    }

    /**
     * The application's data source becomes database {@code default} (the {@link RcloneBackupDataSource}
     * one when there are several) and, with {@code rclone-backup.datasources.enabled}, every data
     * source a database named after its bean.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcConnectionDetails.class)
    static class ApplicationDatabaseConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(JdbcConnectionDetails.class)
        ApplicationDatabase rcloneBackupApplicationDatabase(JdbcConnectionDetails connectionDetails) {
            return new ApplicationDatabase(
                    connectionDetails.getJdbcUrl(), connectionDetails.getUsername(), connectionDetails.getPassword());
        }

        @Bean
        @ConditionalOnBean(DataSource.class)
        DataSourceDatabases rcloneBackupDataSourceDatabases(
                ListableBeanFactory beanFactory,
                @RcloneBackupDataSource ObjectProvider<DataSource> qualified,
                ObjectProvider<ApplicationDatabase> applicationDatabase,
                RcloneBackupProperties properties) {
            Map<String, DataSource> dataSources = beanFactory.getBeansOfType(DataSource.class);
            DataSource marked = qualified.getIfUnique();
            String markedName = marked == null
                    ? null
                    : dataSources.entrySet().stream()
                            .filter(entry -> entry.getValue() == marked)
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
            return new DataSourceDatabases(
                    dataSources,
                    markedName,
                    applicationDatabase.getIfAvailable(),
                    properties.getDatasources().isEnabled());
        }
    }
}
