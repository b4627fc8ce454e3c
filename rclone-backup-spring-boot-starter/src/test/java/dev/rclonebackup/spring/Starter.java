package dev.rclonebackup.spring;

import org.springframework.boot.autoconfigure.AutoConfigurations;

/** The starter's auto-configurations, as Spring Boot loads them from the imports file. */
final class Starter {
    static final Class<?>[] CLASSES = {
        RcloneBackupAutoConfiguration.class,
        RcloneBackupSchedulingAutoConfiguration.class,
        RcloneBackupEndpointAutoConfiguration.class,
        RcloneBackupHealthAutoConfiguration.class,
        RcloneBackupMetricsAutoConfiguration.class
    };

    private Starter() {}

    static AutoConfigurations autoConfigurations() {
        return AutoConfigurations.of(CLASSES);
    }
}
