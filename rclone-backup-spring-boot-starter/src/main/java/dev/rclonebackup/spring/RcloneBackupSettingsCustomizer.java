package dev.rclonebackup.spring;

import dev.rclonebackup.settings.Settings;

/**
 * A bean that changes the settings read from {@code rclone-backup.*} before the facade is built:
 * a database whose credentials come from a vault, a hook, anything the properties cannot say.
 * Every customizer bean is applied, in {@link org.springframework.core.annotation.Order @Order}
 * (or {@link org.springframework.core.Ordered}) order, after the properties and the application's
 * data source; the result is then validated like the properties.
 */
@FunctionalInterface
public interface RcloneBackupSettingsCustomizer {

    /** Changes {@code settings}, which holds what the properties configured. */
    void customize(Settings.Builder settings);
}
