package dev.rclonebackup.operation;

/** rclone's notices that are not errors, left out of failure messages. */
final class RcloneNoise {
    private RcloneNoise() {
    }

    static boolean isNoise(String line) {
        return line.contains("NOTICE: Config file") && line.contains("not found");
    }
}
