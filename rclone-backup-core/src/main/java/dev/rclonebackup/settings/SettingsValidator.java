package dev.rclonebackup.settings;

/** Checks a {@link Settings} and throws a {@link dev.rclonebackup.ConfigurationException} naming the key. */
final class SettingsValidator {
    private SettingsValidator() {
    }

    static void validate(Settings settings) {
        // To be completed: remote required, aliases, template, date format, cleanup-keep, flags, databases.
    }
}
