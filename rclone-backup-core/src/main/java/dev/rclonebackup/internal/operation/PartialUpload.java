package dev.rclonebackup.internal.operation;

import dev.rclonebackup.internal.naming.FilenameTemplate;
import dev.rclonebackup.internal.rclone.RcloneException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Names of in-flight uploads: {@code NAME.partial-<id>}. They never parse as backups, so listing,
 * restore and retention ignore them; a later cleaning backup removes stale ones.
 */
final class PartialUpload {
    static final String MARKER = ".partial-";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** rclone's exit codes for "directory not found" and "file not found". */
    private static final int DIR_NOT_FOUND = 3;

    private static final int FILE_NOT_FOUND = 4;

    private PartialUpload() {}

    static String nameFor(String backupName) {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return backupName + MARKER + HexFormat.of().formatHex(id);
    }

    /** The database alias of a partial upload's name, or empty when {@code name} is not one. */
    static Optional<String> databaseOf(String name, FilenameTemplate template) {
        int marker = name.lastIndexOf(MARKER);
        return marker < 0 ? Optional.empty() : template.databaseOf(name.substring(0, marker));
    }

    /**
     * Deletes the partial upload, even when the calling thread was interrupted (the interrupt is
     * kept for the caller). A partial that was never created is fine and not mentioned; any other
     * failure is reported, since it leaves an object behind.
     */
    static void remove(Context context, String partialPath) {
        boolean interrupted = Thread.interrupted();
        try {
            context.rclone().deletefile(partialPath);
            context.reporter().detail("Removed partial upload " + partialPath);
        } catch (RcloneException e) {
            if (e.exitCode() != DIR_NOT_FOUND && e.exitCode() != FILE_NOT_FOUND && exists(context, partialPath)) {
                context.reporter().info("Could not remove the partial upload " + partialPath + ": " + e.getMessage());
            }
        } catch (Exception e) {
            context.reporter().info("Could not remove the partial upload " + partialPath + ": " + e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the partial is there. rclone's {@code deletefile} exits 1, not 4, for a file that does
     * not exist; when even the lookup fails, the partial may be there.
     */
    private static boolean exists(Context context, String partialPath) {
        try {
            return context.rclone().stat(partialPath).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
