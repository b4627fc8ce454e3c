package dev.rclonebackup.cli.config;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.settings.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code rclone-backup.yml} into validated {@link Settings}.
 *
 * <ol>
 *   <li>Finds the file: {@code --config FILE}, else the file named by {@code RCLONE_BACKUP_CONFIG},
 *       else {@code rclone-backup.yml} in the working directory. A file named explicitly must
 *       exist; with no file at all, the defaults and the environment alone are used.</li>
 *   <li>Parses it as YAML (a duplicate key is an error) and reads it key by key: unknown keys
 *       (with the nearest known key suggested) and wrong types are errors naming the dotted key.
 *       Integers must be YAML integers; a float or a quoted number is refused.</li>
 *   <li>Expands {@code ${VAR}} and {@code ${VAR:-default}} in string values from
 *       {@code environment} (see {@link VariableExpander}). A string holding a reference takes
 *       the type of its key: {@code port: ${DB_PORT}} is read as an integer, and where a list is
 *       expected ({@code rclone.flags}, a hook) it is split at whitespace.</li>
 *   <li>Applies {@code RCLONE_BACKUP_<KEY>} overrides of the scalar settings (see
 *       {@link SettingsReader#applyEnvironment}): file &lt; environment. Command-line options, applied
 *       afterwards by the caller, win over both.</li>
 * </ol>
 *
 * <p>Relative paths ({@code media.root}, {@code rclone.config}, a {@code remote} that is a plain
 * local folder rather than {@code name:path}, and the {@code name} of an
 * {@code engine: sqlite} database) written in the file are resolved against the file's folder,
 * so a configuration means the same thing from whatever directory the tool is started; relative
 * paths given in {@code RCLONE_BACKUP_*} variables are resolved against the working directory,
 * like any path typed in a shell. JDBC URLs are passed on as written, and {@code ~} is not
 * expanded (write {@code ${HOME}}).
 *
 * <p>Every error is a {@link ConfigurationException} whose message starts with where the bad
 * value comes from (the file as the user named it, or the variable), then the key. Passwords are
 * never part of a message.
 */
public final class ConfigLoader {
    /** The file looked for in the working directory. */
    public static final String DEFAULT_FILE_NAME = "rclone-backup.yml";
    /** The variable naming the configuration file. */
    public static final String CONFIG_VARIABLE = "RCLONE_BACKUP_CONFIG";

    private ConfigLoader() {}

    /**
     * @param explicitFile     the {@code --config} value, or null
     * @param environment      the process environment (for discovery, expansion and overrides)
     * @param workingDirectory where {@code ./rclone-backup.yml} is looked for, and what relative
     *                         paths outside the file are resolved against
     * @throws ConfigurationException naming the file and the key when the configuration is invalid
     */
    public static Settings load(Path explicitFile, Map<String, String> environment, Path workingDirectory) {
        Path directory = workingDirectory.toAbsolutePath();
        Optional<ConfigFile> file = locate(explicitFile, environment, directory);
        Settings.Builder builder = Settings.builder();
        if (file.isPresent()) {
            ConfigFile config = file.get();
            Path folder = config.path().toAbsolutePath().getParent();
            SettingsReader.forFile(
                            config.displayName(), new VariableExpander(environment, config.displayName()), folder)
                    .read(config.read(), builder);
        }
        Map<Setting<?>, String> overrides = SettingsReader.applyEnvironment(environment, directory, builder);
        if (file.isEmpty() && !overrides.containsKey(Setting.REMOTE)) {
            throw new ConfigurationException("remote is required, and no configuration file was found (looked for "
                    + directory.resolve(DEFAULT_FILE_NAME) + "; " + CONFIG_VARIABLE + " is not set): create "
                    + DEFAULT_FILE_NAME + ", pass --config FILE, or set " + CONFIG_VARIABLE + " or "
                    + Setting.REMOTE.environmentVariable().orElseThrow());
        }
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            String origin = origin(e, file, overrides);
            throw origin.isEmpty() ? e : e.located(origin, "");
        }
    }

    private static Optional<ConfigFile> locate(Path explicitFile, Map<String, String> environment, Path directory) {
        if (explicitFile != null) {
            return Optional.of(existing(directory.resolve(explicitFile), explicitFile.toString(), "--config"));
        }
        String fromEnvironment = environment.get(CONFIG_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(existing(directory.resolve(fromEnvironment), fromEnvironment, CONFIG_VARIABLE));
        }
        Path local = directory.resolve(DEFAULT_FILE_NAME);
        return Files.exists(local)
                ? Optional.of(existing(local, DEFAULT_FILE_NAME, "the working directory"))
                : Optional.empty();
    }

    private static ConfigFile existing(Path path, String displayName, String namedBy) {
        if (!Files.exists(path)) {
            throw new ConfigurationException(
                    "Configuration file " + displayName + " (from " + namedBy + ") does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(
                    "Configuration file " + displayName + " (from " + namedBy + ") is not a file");
        }
        return new ConfigFile(path, displayName);
    }

    /**
     * Where the offending key was set: its override variable, else the file (defaults are valid,
     * so nothing else can be at fault).
     */
    private static String origin(
            ConfigurationException e, Optional<ConfigFile> file, Map<Setting<?>, String> overrides) {
        String key = e.key();
        if (key != null) {
            for (Map.Entry<Setting<?>, String> override : overrides.entrySet()) {
                String overridden = override.getKey().key();
                if (key.equals(overridden) || key.startsWith(overridden + "[")) {
                    return override.getValue() + ": ";
                }
            }
        }
        return file.map(config -> config.displayName() + ": ").orElse("");
    }
}
