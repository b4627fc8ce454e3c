package dev.rclonebackup.spring;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code rcloneBackup} health indicator, with Spring Boot's health support on the class path;
 * off with {@code management.health.rclone-backup.enabled=false}.
 */
@AutoConfiguration(after = RcloneBackupAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(RcloneBackupOperations.class)
public class RcloneBackupHealthAutoConfiguration {

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
