package dev.rclonebackup.internal.operation;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.rclone.Rclone;
import dev.rclonebackup.internal.rclone.RemoteEntry;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a media sync that would delete more than {@code media.max-delete-percent} of the
 * destination's files, before anything changes. Both sides are listed with {@code rclone lsjson}
 * through the same client (flags, filters, {@code --copy-links}) as the sync itself, so the
 * files counted are the files rclone compares; a destination file whose path is not among the
 * source's is one the sync deletes. The destination is listed first: when it has no files, there
 * is nothing to delete and the source is not listed at all.
 */
final class DeletionGuard {
    private final Rclone rclone;
    private final Reporter reporter;
    private final int maxPercent;

    DeletionGuard(Rclone rclone, Reporter reporter, int maxPercent) {
        this.rclone = rclone;
        this.reporter = reporter;
        this.maxPercent = maxPercent;
    }

    /**
     * @param command     the command, named in messages ({@code mediabackup})
     * @param dryRun      only warn that the real sync would be refused
     * @throws RcloneBackupException when the sync would delete too much and this is not a dry run
     */
    void check(String command, String source, String destination, boolean dryRun)
            throws IOException, InterruptedException {
        List<RemoteEntry> existing = rclone.lsjson(destination, true);
        if (existing.isEmpty()) {
            return;
        }
        Optional<List<RemoteEntry>> sourceFiles = rclone.listFiles(source, true);
        if (sourceFiles.isEmpty()) {
            // rclone sync refuses a source that does not exist without deleting anything.
            return;
        }
        Set<String> kept = new HashSet<>();
        for (RemoteEntry file : sourceFiles.get()) {
            kept.add(file.path());
        }
        long deleted =
                existing.stream().filter(file -> !kept.contains(file.path())).count();
        long total = existing.size();
        if (deleted * 100 <= (long) maxPercent * total) {
            return;
        }
        long percent = (deleted * 100 + total - 1) / total;
        String what = deleted + " of the " + total + " files in " + destination + " (" + percent
                + "%), more than media.max-delete-percent (" + maxPercent + "%)";
        if (dryRun) {
            reporter.warning("The sync would delete " + what + ": without --dry-run, " + command
                    + " refuses unless --force is given.");
            return;
        }
        throw new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                command + " would delete " + what
                        + "; refusing, nothing was changed. Check that " + source
                        + " is complete (an unmounted volume?), "
                        + "see the deletions with --dry-run, or use --force to sync anyway.");
    }
}
