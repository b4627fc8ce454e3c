package dev.rclonebackup.settings;

/**
 * Expands references such as {@code ${VAR}} inside one configuration value, for front ends whose
 * source does not do it itself ({@code rclone-backup.yml}; Spring Boot resolves its own
 * placeholders before the values get here).
 */
@FunctionalInterface
public interface Interpolation {

    /** Leaves every value as written. */
    Interpolation NONE = (key, text) -> new Expansion(text, false);

    /**
     * @param key the dotted key of the value, for errors
     * @throws dev.rclonebackup.ConfigurationException when a reference cannot be resolved
     */
    Expansion expand(String key, String text);

    /** A value after expansion, and whether anything was substituted into it. */
    record Expansion(String value, boolean substituted) {}
}
