package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.MediaFile;
import dev.rclonebackup.MediaListing;
import dev.rclonebackup.internal.naming.FilenameTemplate;
import dev.rclonebackup.internal.rclone.RemoteEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** listbackups: database backups (newest first) and the media copy, from rclone lsjson. */
public final class ListOperations {
    private final Context context;

    public ListOperations(Context context) {
        this.context = context;
    }

    /**
     * Backups of {@code database} (all databases when null), newest first by modification time,
     * ties broken by the timestamp in the name. Names that do not parse under the template and
     * partial uploads are left out. A backup folder that does not exist yet means no backups.
     */
    public List<BackupFile> backups(String database) throws IOException, InterruptedException {
        return backupsAmong(context.rclone().lsjson(context.dbFolder(), false), database, context.template());
    }

    /** The backups of {@code database} (all when null) among the files of the backup folder, newest first. */
    static List<BackupFile> backupsAmong(List<RemoteEntry> files, String database, FilenameTemplate template) {
        List<BackupFile> backups = new ArrayList<>();
        for (RemoteEntry entry : files) {
            Optional<String> owner = template.databaseOf(entry.name());
            if (owner.isPresent() && (database == null || database.equals(owner.get()))) {
                backups.add(new BackupFile(entry.name(), owner.get(), entry.size(), entry.modified()));
            }
        }
        backups.sort(newestFirst(template));
        return List.copyOf(backups);
    }

    /** Latest modification time first; then the latest timestamp in the name; then by name. */
    static Comparator<BackupFile> newestFirst(FilenameTemplate template) {
        // One comparator instead of composed ones: the JDK's combinators each make a class at run time.
        return (a, b) -> {
            int order = b.modified().compareTo(a.modified());
            if (order == 0) {
                order = nameTime(b, template).compareTo(nameTime(a, template));
            }
            return order != 0 ? order : b.name().compareTo(a.name());
        };
    }

    private static Instant nameTime(BackupFile backup, FilenameTemplate template) {
        return template.timeOf(backup.name()).orElse(Instant.MIN);
    }

    /**
     * The media copy's files sorted by path, with their total size (-1 when the remote does not
     * know the size of some file); empty when there is none.
     */
    public MediaListing media() throws IOException, InterruptedException {
        List<MediaFile> files = new ArrayList<>();
        long total = 0;
        for (RemoteEntry entry : context.rclone().lsjson(context.mediaFolder(), true)) {
            files.add(new MediaFile(entry.path(), entry.size()));
            total = total < 0 || entry.size() < 0 ? -1 : total + entry.size();
        }
        files.sort(Comparator.comparing(MediaFile::path));
        return new MediaListing(files, total);
    }
}
