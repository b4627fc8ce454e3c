package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.rclone.Rclone;
import dev.rclonebackup.internal.rclone.RcloneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** mediabackup and mediarestore: rclone sync (or copy) between media.root and the remote. */
public final class MediaOperations {
    static final String DRY_RUN_BACKUP = "Dry run of the media backup: nothing was changed.";
    static final String DRY_RUN_RESTORE = "Dry run of the media restore: nothing was changed.";

    private final Context context;

    public MediaOperations(Context context) {
        this.context = context;
    }

    /**
     * Mirrors {@code media.root} to the remote's media folder with {@code rclone sync}, following
     * symbolic links unless {@code media.follow-symlinks} is false.
     *
     * @throws ConfigurationException when {@code media.root} is not set
     * @throws RcloneBackupException  when the media folder is missing or has no files while the
     *                                remote copy has some, unless {@link MediaBackupOptions#allowEmpty()}
     *                                or {@link MediaBackupOptions#force()}: an unmounted volume must
     *                                not wipe the remote copy; when the sync would delete more than
     *                                {@code media.max-delete-percent} of the remote copy's files,
     *                                unless forced; when, following links, the media folder has a
     *                                link loop or a broken link; when a folder in it cannot be read
     */
    public MediaResult backup(MediaBackupOptions options) throws IOException, InterruptedException {
        try {
            return syncUp(options);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Failures.report(context, e, BackupEvent.MediaBackupFailed::new);
            throw e;
        }
    }

    private MediaResult syncUp(MediaBackupOptions options) throws IOException, InterruptedException {
        Path root = mediaRoot();
        String remote = context.mediaFolder();
        long start = System.nanoTime();
        // The listener comes first: a pre-backup hook may be what mounts the media volume.
        context.listener().on(new BackupEvent.BeforeMediaBackup());
        Rclone rclone = mediaRclone();
        boolean hasFiles = new LocalMediaFolder(root, followLinks()).check();
        if (!hasFiles && !options.allowEmpty() && !options.force()) {
            refuseIfRemoteHasFiles(rclone, root, remote);
        }
        if (!Files.isDirectory(root)) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED, "The media folder '" + root + "' (media.root) does not exist.");
        }
        // An empty folder reaching this point either was allowed to empty the copy or has no copy to empty.
        if (hasFiles && !options.force()) {
            deletionGuard(rclone).check("mediabackup", root.toString(), remote, options.dryRun());
        }
        context.reporter().info("Syncing media from " + root + " to " + remote);
        rclone.sync(root.toString(), remote, options.dryRun());
        context.reporter().success(options.dryRun() ? DRY_RUN_BACKUP : "Media backup completed.");
        context.listener().on(new BackupEvent.AfterMediaBackup());
        return new MediaResult(root.toString(), remote, options.dryRun(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void refuseIfRemoteHasFiles(Rclone rclone, Path root, String remote)
            throws IOException, InterruptedException {
        if (rclone.lsjson(remote, true).isEmpty()) {
            return;
        }
        String state = Files.isDirectory(root) ? "has no files" : "does not exist";
        throw new RcloneBackupException(
                ErrorCode.OPERATION_FAILED,
                "The media folder '" + root + "' " + state
                        + " but the remote copy " + remote + " has files; refusing to sync, which would delete them"
                        + " (an unmounted volume must not wipe the backup); use --allow-empty if the media really is gone.");
    }

    /**
     * Mirrors the remote's media folder to {@code media.root} with {@code rclone sync} (local files
     * absent on the remote are deleted), or with {@code rclone copy} when
     * {@link MediaRestoreOptions#copy()} (they are kept). Creates {@code media.root} if missing.
     * Symbolic links in {@code media.root} are followed unless {@code media.follow-symlinks} is false.
     *
     * @throws ConfigurationException when {@code media.root} is not set
     * @throws RcloneBackupException  when a sync would delete more than {@code media.max-delete-percent}
     *                                of the media folder's files, unless {@link MediaRestoreOptions#force()};
     *                                when, following links, the media folder has a link loop or a broken
     *                                link; when a folder in it cannot be read; any failure sends
     *                                {@code media-restore-failed}
     */
    public MediaResult restore(MediaRestoreOptions options) throws IOException, InterruptedException {
        try {
            return syncDown(options);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Failures.report(context, e, BackupEvent.MediaRestoreFailed::new);
            throw e;
        }
    }

    private MediaResult syncDown(MediaRestoreOptions options) throws IOException, InterruptedException {
        Path root = mediaRoot();
        String remote = context.mediaFolder();
        long start = System.nanoTime();
        context.listener().on(new BackupEvent.BeforeMediaRestore());
        Rclone rclone = mediaRclone();
        if (followLinks()) {
            new LocalMediaFolder(root, true).check();
        }
        if (!options.copy() && !options.force() && Files.isDirectory(root)) {
            deletionGuard(rclone).check("mediarestore", remote, root.toString(), options.dryRun());
        }
        context.reporter().info("Syncing media from " + remote + " to " + root);
        if (!options.dryRun()) {
            Files.createDirectories(root);
        }
        try {
            if (options.copy()) {
                rclone.copy(remote, root.toString(), options.dryRun());
            } else {
                rclone.sync(remote, root.toString(), options.dryRun());
            }
        } catch (RcloneException e) {
            if (e.exitCode() == RcloneException.DIRECTORY_NOT_FOUND) {
                throw new RcloneBackupException(
                        ErrorCode.OPERATION_FAILED, "There is no media copy at " + remote + " to restore from.", e);
            }
            throw e;
        }
        context.reporter().success(options.dryRun() ? DRY_RUN_RESTORE : "Media restore completed.");
        context.listener().on(new BackupEvent.AfterMediaRestore());
        return new MediaResult(remote, root.toString(), options.dryRun(), Duration.ofNanos(System.nanoTime() - start));
    }

    private boolean followLinks() {
        return context.settings().mediaFollowSymlinks();
    }

    /** The rclone client for media: following symbolic links ({@code --copy-links}) unless turned off. */
    private Rclone mediaRclone() {
        return followLinks() ? context.rclone().withFlags(List.of("--copy-links")) : context.rclone();
    }

    private DeletionGuard deletionGuard(Rclone rclone) {
        return new DeletionGuard(rclone, context.reporter(), context.settings().mediaMaxDeletePercent());
    }

    private Path mediaRoot() {
        Path root = context.settings().mediaRoot();
        if (root == null || root.toString().isBlank()) {
            throw new ConfigurationException("media.root is not set; media commands need the local media folder.");
        }
        return root;
    }
}
