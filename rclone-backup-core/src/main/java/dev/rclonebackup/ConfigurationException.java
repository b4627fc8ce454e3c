package dev.rclonebackup;

/**
 * The settings are invalid. When one setting is at fault, {@link #key()} names it as written in
 * {@code rclone-backup.yml} ({@code db.cleanup-keep}, {@code databases.default.port},
 * {@code rclone.flags[2]} …) and the message starts with it.
 */
public class ConfigurationException extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /** A problem that no single key is at fault for (or whose key is already in {@code message}). */
    public ConfigurationException(String message) {
        this(message, (Throwable) null);
    }

    public ConfigurationException(String message, Throwable cause) {
        this(null, message, message, cause);
    }

    private ConfigurationException(String key, String problem, String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION, message, cause);
        this.key = key;
        this.problem = problem;
    }

    /**
     * A problem with the setting {@code key}; the message is {@code key} followed by
     * {@code problem}, e.g. {@code forKey("db.cleanup-keep", "must be at least 1, got 0")}.
     */
    public static ConfigurationException forKey(String key, String problem) {
        return forKey(key, problem, null);
    }

    public static ConfigurationException forKey(String key, String problem, Throwable cause) {
        return new ConfigurationException(key, problem, join(key, problem), cause);
    }

    private static String join(String key, String problem) {
        return problem.startsWith(":") || problem.startsWith(";") ? key + problem : key + " " + problem;
    }

    /** The offending setting's key, or {@code null} when no single setting is at fault. */
    public String key() {
        return key;
    }

    /** What is wrong with {@link #key()}, without the key; the whole message when there is no key. */
    public String problem() {
        return problem;
    }

    /**
     * This problem as seen from another front end: the key under {@code keyPrefix} (e.g.
     * {@code rclone-backup.} in Spring Boot) and the message after {@code source} (e.g.
     * {@code "rclone-backup.yml: "}). Either may be empty.
     */
    public ConfigurationException located(String source, String keyPrefix) {
        if (key == null) {
            return new ConfigurationException(null, problem, source + getMessage(), this);
        }
        String prefixed = keyPrefix + key;
        return new ConfigurationException(prefixed, problem, source + join(prefixed, problem), this);
    }
}
