package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's five auto-configurations, loaded as in an application (from the imports file):
 * each can be excluded with {@code spring.autoconfigure.exclude} while the others keep working,
 * and each backs off when what it needs is missing.
 */
class AutoConfigurationSplitTest {
    private static final Map<Class<?>, Class<?>> BEAN_OF = new LinkedHashMap<>();

    static {
        BEAN_OF.put(RcloneBackupAutoConfiguration.class, RcloneBackupOperations.class);
        BEAN_OF.put(RcloneBackupSchedulingAutoConfiguration.class, ScheduledBackups.class);
        BEAN_OF.put(RcloneBackupEndpointAutoConfiguration.class, BackupsEndpoint.class);
        BEAN_OF.put(RcloneBackupHealthAutoConfiguration.class, BackupsHealthIndicator.class);
        BEAN_OF.put(RcloneBackupMetricsAutoConfiguration.class, BackupMetrics.class);
    }

    @TempDir
    Path remote;

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Application.class)
                .withPropertyValues(
                        "rclone-backup.remote=" + remote,
                        "rclone-backup.schedule.db.cron=0 0 3 * * *",
                        "spring.datasource.url=jdbc:h2:mem:split",
                        "management.endpoints.web.exposure.include=*");
    }

    @Test
    void anApplicationGetsEveryPart() {
        application().run(context -> {
            assertThat(context).hasNotFailed();
            BEAN_OF.values().forEach(bean -> assertThat(context).hasSingleBean(bean));
        });
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                RcloneBackupSchedulingAutoConfiguration.class,
                RcloneBackupEndpointAutoConfiguration.class,
                RcloneBackupHealthAutoConfiguration.class,
                RcloneBackupMetricsAutoConfiguration.class
            })
    void eachPartCanBeExcludedAndTheOthersStay(Class<?> excluded) {
        application()
                .withPropertyValues("spring.autoconfigure.exclude=" + excluded.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BEAN_OF.get(excluded));
                    BEAN_OF.forEach((configuration, bean) -> {
                        if (configuration != excluded) {
                            assertThat(context).hasSingleBean(bean);
                        }
                    });
                });
    }

    @Test
    void withoutTheCoreNothingOfTheStarterIsThere() {
        application()
                .withPropertyValues("spring.autoconfigure.exclude=" + RcloneBackupAutoConfiguration.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BEAN_OF.values().forEach(bean -> assertThat(context).doesNotHaveBean(bean));
                });
    }

    @Test
    void withoutActuatorThereIsNoEndpointAndNoHealth() {
        starter()
                .withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class, HealthIndicator.class))
                .run(context -> assertThat(context)
                        .hasSingleBean(RcloneBackupOperations.class)
                        .hasSingleBean(ScheduledBackups.class)
                        .doesNotHaveBean(BackupsEndpoint.class)
                        .doesNotHaveBean(BackupsHealthIndicator.class));
    }

    @Test
    void theEndpointOnlyWhenAvailable() {
        starter().run(context -> assertThat(context).hasSingleBean(BackupsEndpoint.class));
        starter()
                .withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(BackupsEndpoint.class));
    }

    @Test
    void metricsOnlyWithAMeterRegistry() {
        starter().run(context -> assertThat(context).doesNotHaveBean(BackupMetrics.class));
        starter()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context).hasSingleBean(BackupMetrics.class));
        starter()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(BackupMetrics.class));
    }

    private ApplicationContextRunner starter() {
        return new ApplicationContextRunner()
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(
                        "rclone-backup.remote=" + remote,
                        "rclone-backup.schedule.db.cron=0 0 3 * * *",
                        "management.endpoints.web.exposure.include=*");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {}
}
