package dev.rclonebackup.spring;

import dev.rclonebackup.BackupListener;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.settings.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of rclone-backup: settings from {@code rclone-backup.*} (the application's
 * data source becoming database {@code default}), the {@link RcloneBackup} facade and its metered
 * {@link RcloneBackupOperations}, events as application events, one-shot commands, scheduled
 * backups, the Actuator endpoint, health indicator and metrics. Every bean can be replaced by
 * one of the application's own; {@code rclone-backup.enabled=false} turns it all off.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "rclone-backup.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RcloneBackupProperties.class)
public class RcloneBackupAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Settings rcloneBackupSettings(
            Environment environment,
            RcloneBackupProperties properties,
            ObjectProvider<ApplicationDatabase> applicationDatabase) {
        return SpringSettings.read(environment, properties.getDatabases(), applicationDatabase.getIfAvailable());
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
    RcloneBackupOperations rcloneBackupOperations(RcloneBackup rcloneBackup, ObjectProvider<BackupMetrics> metrics) {
        return new RcloneBackupOperations(rcloneBackup, metrics.getIfAvailable(() -> BackupMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "rclone-backup.commands.enabled", matchIfMissing = true)
    OneShotCommands rcloneBackupOneShotCommands(RcloneBackupFactory factory) {
        return new OneShotCommands(factory);
    }

    /** The application's data source becomes database {@code default}. */
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
    }

    /** Scheduled backups, only when a cron expression is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(
            "'${rclone-backup.schedule.db.cron:}' != '' or '${rclone-backup.schedule.media.cron:}' != ''")
    static class SchedulingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ScheduledBackups rcloneBackupSchedule(
                RcloneBackupOperations operations,
                RcloneBackupProperties properties,
                ObjectProvider<ScheduledTaskLock> lock) {
            return new ScheduledBackups(
                    operations, properties.getSchedule(), lock.getIfAvailable(() -> ScheduledTaskLock.NONE));
        }
    }

    /** With ShedLock and a {@link LockProvider} bean, only one instance runs each scheduled backup. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LockProvider.class)
    static class ShedLockConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(LockProvider.class)
        ScheduledTaskLock rcloneBackupTaskLock(LockProvider lockProvider, RcloneBackupProperties properties) {
            RcloneBackupProperties.Lock lock = properties.getSchedule().getLock();
            return new ShedLockTaskLock(lockProvider, lock.getAtMostFor(), lock.getAtLeastFor(), Clock.systemUTC());
        }
    }

    /** Micrometer meters for every operation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(MeterRegistry.class)
        BackupMetrics rcloneBackupMetrics(MeterRegistry registry) {
            return new MicrometerBackupMetrics(registry, Clock.systemUTC());
        }
    }

    /** The {@code rcloneBackup} health indicator ({@code management.health.rclone-backup.enabled}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnEnabledHealthIndicator("rclone-backup")
        BackupsHealthIndicator rcloneBackupHealthIndicator(
                RcloneBackupOperations operations, RcloneBackupProperties properties) {
            RcloneBackupProperties.Health health = properties.getHealth();
            Duration gracePeriod = health.getGracePeriod() != null ? health.getGracePeriod() : health.getMaxAge();
            return new BackupsHealthIndicator(
                    operations, health.getMaxAge(), gracePeriod, health.getRefreshInterval(), Clock.systemUTC());
        }
    }

    /** The Actuator endpoint {@code backups}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        BackupsEndpoint backupsEndpoint(RcloneBackupOperations operations) {
            return new BackupsEndpoint(operations);
        }
    }
}
