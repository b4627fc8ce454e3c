package dev.rclonebackup.settings;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link Settings} and throws a {@link ConfigurationException} whose message starts
 * with the offending key ({@code db.cleanup-keep}, {@code databases.default.port},
 * {@code rclone.flags[2]} …). Messages never contain a password.
 */
final class SettingsValidator {
    private static final int MAX_PORT = 65_535;
    /** Database options whose names end so are durations, whatever the connector. */
    private static final String DURATION_OPTION_SUFFIX = "-timeout";

    private SettingsValidator() {}

    static void validate(Settings settings) {
        if (isBlank(settings.remote())) {
            throw ConfigurationException.forKey(
                    "remote",
                    "is required: set it to an rclone remote:path " + "(e.g. \"myremote:backups\") or a local folder");
        }
        validateRclone(settings);
        relativeFolder(Setting.DB_BACKUP_DIR.key(), settings.dbBackupDir());
        FilenameTemplate.of(settings.filenameTemplate(), settings.dateFormat());
        if (settings.cleanupKeep() < 1) {
            throw ConfigurationException.forKey(
                    Setting.DB_CLEANUP_KEEP.key(), "must be at least 1, got " + settings.cleanupKeep());
        }
        validateRetention(settings);
        if (settings.dbRetries() < 0) {
            throw ConfigurationException.forKey(
                    Setting.DB_RETRIES.key(), "must be 0 or more, got " + settings.dbRetries());
        }
        positive(Setting.DB_RETRY_DELAY.key(), settings.dbRetryDelay(), "30s");
        validateNotify(settings);
        Path mediaRoot = settings.mediaRoot();
        if (mediaRoot != null && mediaRoot.toString().isEmpty()) {
            throw ConfigurationException.forKey(
                    Setting.MEDIA_ROOT.key(), "must not be empty; leave it unset when there is no media folder");
        }
        relativeFolder(Setting.MEDIA_BACKUP_DIR.key(), settings.mediaBackupDir());
        if (settings.mediaMaxDeletePercent() < 0 || settings.mediaMaxDeletePercent() > 100) {
            throw ConfigurationException.forKey(
                    Setting.MEDIA_MAX_DELETE_PERCENT.key(),
                    "must be between 0 and 100, got " + settings.mediaMaxDeletePercent());
        }
        validateCheck(settings);
        for (Map.Entry<String, DatabaseSettings> database : settings.databases().entrySet()) {
            validateDatabase(database.getKey(), database.getValue());
        }
        validateConnectors(settings);
        for (Map.Entry<String, List<String>> hook : settings.hooks().entrySet()) {
            validateHook(hook.getKey(), hook.getValue());
        }
    }

    /** {@code db.retention} replaces {@code db.cleanup-keep}; its values are checked by {@link RetentionPolicy}. */
    private static void validateRetention(Settings settings) {
        if (!settings.hasRetention()) {
            return;
        }
        if (settings.isConfigured(Setting.DB_CLEANUP_KEEP)) {
            throw ConfigurationException.forKey(
                    Setting.RETENTION_SECTION,
                    "and db.cleanup-keep are both set: use one of them "
                            + "(cleanup-keep: N is the shorthand for retention: {keep-last: N})");
        }
        settings.retentionPolicy();
    }

    private static void validateRclone(Settings settings) {
        if (isBlank(settings.rcloneBinary())) {
            throw ConfigurationException.forKey(
                    Setting.RCLONE_BINARY.key(), "must not be empty; it names the rclone executable");
        }
        if (settings.rcloneConfig() != null
                && settings.rcloneConfig().toString().isEmpty()) {
            throw ConfigurationException.forKey(
                    Setting.RCLONE_CONFIG.key(), "must not be empty; leave it unset to use rclone's default");
        }
        validateFlags(settings.rcloneFlags());
        Duration stallTimeout = settings.rcloneStallTimeout();
        if (stallTimeout == null || stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw ConfigurationException.forKey(
                    Setting.RCLONE_STALL_TIMEOUT.key(), "must be a duration greater than zero, such as 10m");
        }
    }

    private static void validateCheck(Settings settings) {
        Duration maxAge = settings.checkMaxAge();
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            throw ConfigurationException.forKey(
                    Setting.CHECK_MAX_AGE.key(), "must be a duration greater than zero, such as 26h");
        }
        Double ratio = settings.checkMinSizeRatio();
        if (ratio != null && !(ratio > 0 && ratio <= 1)) {
            throw ConfigurationException.forKey(
                    Setting.CHECK_MIN_SIZE_RATIO.key(),
                    "must be greater than 0 and at most 1 (e.g. 0.5), got " + ratio);
        }
    }

    private static void positive(String key, Duration duration, String example) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw ConfigurationException.forKey(key, "must be a duration greater than zero, such as " + example);
        }
    }

    private static void validateNotify(Settings settings) {
        NotifyUrls.check(Setting.NOTIFY_START_URL.key(), settings.notifyStartUrl());
        NotifyUrls.check(Setting.NOTIFY_SUCCESS_URL.key(), settings.notifySuccessUrl());
        NotifyUrls.check(Setting.NOTIFY_FAILURE_URL.key(), settings.notifyFailureUrl());
        positive(Setting.NOTIFY_TIMEOUT.key(), settings.notifyTimeout(), "10s");
    }

    /**
     * Every entry is a flag ({@code -x}, {@code --name}, {@code --name=value}) or the value of the
     * flag right before it ({@code ["--bwlimit", "10M"]}); anything else would reach rclone as an
     * extra path and change what the command does.
     */
    private static void validateFlags(List<String> flags) {
        boolean valueAllowed = false;
        for (int i = 0; i < flags.size(); i++) {
            String key = "rclone.flags[" + i + "]";
            String flag = flags.get(i);
            if (isBlank(flag)) {
                throw ConfigurationException.forKey(key, "must not be empty");
            }
            if (flag.equals("--") || flag.equals("-")) {
                throw ConfigurationException.forKey(key, "must be a flag such as --bwlimit, not a bare '" + flag + "'");
            }
            if (flag.startsWith("-")) {
                valueAllowed = !flag.contains("=");
            } else if (valueAllowed) {
                valueAllowed = false;
            } else {
                throw ConfigurationException.forKey(
                        key,
                        "must be a flag starting with '-', or the value of a flag "
                                + "written right before it without '='");
            }
        }
    }

    private static void relativeFolder(String key, String folder) {
        if (isBlank(folder)) {
            throw ConfigurationException.forKey(key, "must not be empty");
        }
        if (folder.startsWith("/")) {
            throw ConfigurationException.forKey(
                    key, "must be relative to the remote, without a leading '/': '" + folder + "'");
        }
        if (folder.contains("\\")) {
            throw ConfigurationException.forKey(key, "must use '/' as separator, not '\\': '" + folder + "'");
        }
        for (String segment : folder.split("/", -1)) {
            if (segment.equals("..")) {
                throw ConfigurationException.forKey(key, "must stay under the remote, without '..': '" + folder + "'");
            }
            if (segment.isEmpty()) {
                throw ConfigurationException.forKey(
                        key, "must not contain an empty segment or end with '/': '" + folder + "'");
            }
            if (hasControlCharacter(segment)) {
                throw ConfigurationException.forKey(key, "must not contain control characters");
            }
        }
    }

    private static void validateDatabase(String alias, DatabaseSettings database) {
        String key = Setting.DATABASES.key() + "." + alias;
        if (alias == null || !FilenameTemplate.ALIAS.matcher(alias).matches()) {
            throw ConfigurationException.forKey(
                    "databases",
                    "has an invalid alias '" + alias + "': use only letters, digits, "
                            + "'_' and '-' (the alias becomes part of backup file names)");
        }
        if (database == null) {
            throw ConfigurationException.forKey(key, "needs a url or a name");
        }
        if (database.url() != null && database.url().isBlank()) {
            throw ConfigurationException.forKey(key + ".url", "must not be empty");
        }
        if (isBlank(database.url()) && isBlank(database.name())) {
            throw ConfigurationException.forKey(
                    key, "needs a url (e.g. jdbc:postgresql://host:5432/app) " + "or an engine and a name");
        }
        if (database.port() != null && (database.port() < 1 || database.port() > MAX_PORT)) {
            throw ConfigurationException.forKey(
                    key + ".port", "must be between 1 and " + MAX_PORT + ", got " + database.port());
        }
        noNulCharacter(key + ".url", database.url());
        noNulCharacter(key + ".name", database.name());
        noNulCharacter(key + ".host", database.host());
        noNulCharacter(key + ".username", database.username());
        noNulCharacter(key + ".password", database.password());
        for (Map.Entry<String, ?> option : database.options().entrySet()) {
            validateOption(key + ".options", option.getKey(), option.getValue());
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The tools get these values in their argv or environment, where a NUL cannot travel. */
    private static void noNulCharacter(String key, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw ConfigurationException.forKey(key, "must not contain a NUL character");
        }
    }

    private static void validateOption(String optionsKey, String option, Object value) {
        if (isBlank(option)) {
            throw ConfigurationException.forKey(optionsKey, "has an empty option name");
        }
        String key = optionsKey + "." + option;
        if (value instanceof String text) {
            if (option.endsWith(DURATION_OPTION_SUFFIX)) {
                checkDuration(key, text);
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String)) {
                    throw ConfigurationException.forKey(key + "[" + i + "]", "must be a string");
                }
            }
            return;
        }
        throw ConfigurationException.forKey(key, "must be a string or a list of strings");
    }

    /** {@code lock-timeout}, {@code busy-timeout} …: checked here, before any tool runs, not when a connector reads them. */
    private static void checkDuration(String key, String text) {
        try {
            Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.forKey(key, ": " + e.getMessage());
        }
    }

    private static void validateConnectors(Settings settings) {
        for (Map.Entry<String, String> entry : settings.connectors().entrySet()) {
            String key = "connectors." + entry.getKey();
            if (!settings.databases().containsKey(entry.getKey())) {
                throw ConfigurationException.forKey(
                        key,
                        "names no configured database; configured are "
                                + settings.databases().keySet());
            }
            if (isBlank(entry.getValue())) {
                throw ConfigurationException.forKey(key, "must name a connector (a built-in id or a class name)");
            }
        }
        for (Map.Entry<String, String> entry : settings.connectorMapping().entrySet()) {
            if (isBlank(entry.getKey())) {
                throw ConfigurationException.forKey(Setting.CONNECTOR_MAPPING.key(), "has an empty engine name");
            }
            if (isBlank(entry.getValue())) {
                throw ConfigurationException.forKey(
                        "connector-mapping." + entry.getKey(), "must name a connector (a built-in id or a class name)");
            }
        }
    }

    private static void validateHook(String event, List<String> command) {
        String key = "hooks." + event;
        if (!Settings.HOOK_EVENTS.contains(event)) {
            throw ConfigurationException.forKey(
                    key, "is not an event; hooks may be set for " + String.join(", ", Settings.HOOK_EVENTS));
        }
        if (command.isEmpty()) {
            throw ConfigurationException.forKey(key, "must be a non-empty command (argv list)");
        }
        if (isBlank(command.get(0))) {
            throw ConfigurationException.forKey(key + "[0]", "must name the program to run");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
