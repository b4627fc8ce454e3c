package dev.rclonebackup.operation;

import dev.rclonebackup.BackupEvent;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.rclone.Rclone;
import dev.rclonebackup.rclone.RcloneException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** mediabackup and mediarestore: rclone sync (or copy) between media.root and the remote. */
public final class MediaOperations {
    private final Context context;

    public MediaOperations(Context context) {
        this.context = context;
    }

    /**
     * Mirrors {@code media.root} to the remote's media folder with {@code rclone sync}.
     *
     * @throws ConfigurationException when {@code media.root} is not set
     * @throws RcloneBackupException  when the media folder is missing or has no files while the
     *                                remote copy has some, unless {@link MediaBackupOptions#allowEmpty()}:
     *                                an unmounted volume must not wipe the remote copy
     */
    public MediaResult backup(MediaBackupOptions options) throws IOException, InterruptedException {
        Path root = mediaRoot();
        String remote = context.mediaFolder();
        long start = System.nanoTime();
        // The listener comes first: a pre-backup hook may be what mounts the media volume.
        context.listener().on(new BackupEvent.BeforeMediaBackup());
        if (!options.allowEmpty() && !hasFiles(root)) {
            refuseIfRemoteHasFiles(root, remote);
        }
        if (!Files.isDirectory(root)) {
            throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                    "The media folder '" + root + "' (media.root) does not exist.");
        }
        context.reporter().info("Syncing media from " + root + " to " + remote);
        context.rclone().sync(root.toString(), remote, options.dryRun());
        context.reporter().success("Media backup completed.");
        context.listener().on(new BackupEvent.AfterMediaBackup());
        return new MediaResult(root.toString(), remote, options.dryRun(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void refuseIfRemoteHasFiles(Path root, String remote) throws IOException, InterruptedException {
        if (context.rclone().lsjson(remote, true).isEmpty()) {
            return;
        }
        String state = Files.isDirectory(root) ? "has no files" : "does not exist";
        throw new RcloneBackupException(ErrorCode.OPERATION_FAILED, "The media folder '" + root + "' " + state
                + " but the remote copy " + remote + " has files; refusing to sync, which would delete them"
                + " (an unmounted volume must not wipe the backup); use --allow-empty if the media really is gone.");
    }

    /**
     * Mirrors the remote's media folder to {@code media.root} with {@code rclone sync} (local files
     * absent on the remote are deleted), or with {@code rclone copy} when
     * {@link MediaRestoreOptions#copy()} (they are kept). Creates {@code media.root} if missing.
     *
     * @throws ConfigurationException when {@code media.root} is not set
     */
    public MediaResult restore(MediaRestoreOptions options) throws IOException, InterruptedException {
        Path root = mediaRoot();
        String remote = context.mediaFolder();
        long start = System.nanoTime();
        context.listener().on(new BackupEvent.BeforeMediaRestore());
        context.reporter().info("Syncing media from " + remote + " to " + root);
        if (!options.dryRun()) {
            Files.createDirectories(root);
        }
        Rclone rclone = context.rclone();
        try {
            if (options.copy()) {
                rclone.copy(remote, root.toString(), options.dryRun());
            } else {
                rclone.sync(remote, root.toString(), options.dryRun());
            }
        } catch (RcloneException e) {
            if (e.exitCode() == RcloneException.DIRECTORY_NOT_FOUND) {
                throw new RcloneBackupException(ErrorCode.OPERATION_FAILED,
                        "There is no media copy at " + remote + " to restore from.", e);
            }
            throw e;
        }
        context.reporter().success("Media restore completed.");
        context.listener().on(new BackupEvent.AfterMediaRestore());
        return new MediaResult(remote, root.toString(), options.dryRun(), Duration.ofNanos(System.nanoTime() - start));
    }

    private Path mediaRoot() {
        Path root = context.settings().mediaRoot();
        if (root == null || root.toString().isBlank()) {
            throw new ConfigurationException("media.root is not set; media commands need the local media folder.");
        }
        return root;
    }

    /** Whether {@code folder} exists and holds at least one file at any depth; stops at the first. */
    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.anyMatch(Files::isRegularFile);
        }
    }
}
