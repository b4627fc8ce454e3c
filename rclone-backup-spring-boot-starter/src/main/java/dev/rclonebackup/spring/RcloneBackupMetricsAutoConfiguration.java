package dev.rclonebackup.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters for every operation when the application has a {@link MeterRegistry}, and one
 * observation per operation when it has an {@link ObservationRegistry}.
 */
@AutoConfiguration(
        after = RcloneBackupAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(RcloneBackupOperations.class)
public class RcloneBackupMetricsAutoConfiguration {

    /** The meters, with the last-success gauges read from the remote once the application is ready. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetersConfiguration {

        @Bean
        @ConditionalOnMissingBean(BackupMetrics.class)
        MicrometerBackupMetrics rcloneBackupMetrics(MeterRegistry registry) {
            return new MicrometerBackupMetrics(registry, Clock.systemUTC());
        }

        @Bean
        @ConditionalOnBean(MicrometerBackupMetrics.class)
        LastSuccessFromRemote rcloneBackupLastSuccessFromRemote(
                MicrometerBackupMetrics metrics, RcloneBackupOperations operations) {
            return new LastSuccessFromRemote(metrics, operations);
        }
    }

    /** An observation per operation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    @ConditionalOnBean(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OperationObserver rcloneBackupOperationObserver(ObservationRegistry registry) {
            return new ObservationOperationObserver(registry);
        }
    }
}
