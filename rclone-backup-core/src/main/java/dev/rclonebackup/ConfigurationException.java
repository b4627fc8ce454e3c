package dev.rclonebackup;

/** The settings are invalid. The message names the offending key. */
public class ConfigurationException extends RcloneBackupException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(ErrorCode.CONFIGURATION, message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.CONFIGURATION, message, cause);
    }
}
