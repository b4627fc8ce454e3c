package dev.rclonebackup.operation;

import dev.rclonebackup.DbBackupResult;

import java.io.IOException;

/** dbbackup: dump | rclone rcat to a partial name, moveto the final name, optional retention. */
public final class DbBackupOperation {
    private final Context context;

    public DbBackupOperation(Context context) {
        this.context = context;
    }

    public DbBackupResult run(String database, boolean clean) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
