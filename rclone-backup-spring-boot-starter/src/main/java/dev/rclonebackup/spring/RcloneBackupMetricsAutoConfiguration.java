package dev.rclonebackup.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer meters for every operation, when the application has a {@link MeterRegistry}. */
@AutoConfiguration(
        after = RcloneBackupAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({RcloneBackupOperations.class, MeterRegistry.class})
public class RcloneBackupMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BackupMetrics rcloneBackupMetrics(MeterRegistry registry) {
        return new MicrometerBackupMetrics(registry, Clock.systemUTC());
    }
}
