package dev.rclonebackup.internal.connector.mysql;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses between a tool's names: MariaDB renamed {@code mysqldump} and may ship only the new name. */
final class ExecutableSearch {
    private ExecutableSearch() {}

    /**
     * {@code preferred} when it is on {@code PATH}, else {@code alternative} when that is, else
     * {@code preferred} (so that "not found" names the classic tool).
     */
    static String firstOnPath(String preferred, String alternative) {
        if (onPath(preferred) || !onPath(alternative)) {
            return preferred;
        }
        return alternative;
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }
}
