package dev.rclonebackup.operation;

import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.RestoreConfirmation;

import java.io.IOException;

/** dbrestore: choose the backup, confirm, rclone cat | restore, commit or abort. */
public final class DbRestoreOperation {
    private final Context context;

    public DbRestoreOperation(Context context) {
        this.context = context;
    }

    public DbRestoreResult run(String database, String inputPath, RestoreConfirmation confirmation)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
