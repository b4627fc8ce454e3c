package dev.rclonebackup.operation;

import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.MediaResult;

import java.io.IOException;

/** mediabackup and mediarestore: rclone sync (or copy) between media.root and the remote. */
public final class MediaOperations {
    private final Context context;

    public MediaOperations(Context context) {
        this.context = context;
    }

    public MediaResult backup(MediaBackupOptions options) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public MediaResult restore(MediaRestoreOptions options) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
