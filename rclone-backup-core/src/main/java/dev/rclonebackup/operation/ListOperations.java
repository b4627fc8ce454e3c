package dev.rclonebackup.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaListing;

import java.io.IOException;
import java.util.List;

/** listbackups: database backups (newest first) and the media copy, from rclone lsjson. */
public final class ListOperations {
    private final Context context;

    public ListOperations(Context context) {
        this.context = context;
    }

    /**
     * Backups of {@code database} (all databases when null), newest first by modification time,
     * ties broken by the timestamp in the name. Names that do not parse under the template and
     * partial uploads are left out.
     */
    public List<BackupFile> backups(String database) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The media copy's files sorted by path, with their total size. */
    public MediaListing media() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
