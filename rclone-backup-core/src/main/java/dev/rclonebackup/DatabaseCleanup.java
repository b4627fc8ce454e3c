package dev.rclonebackup;

import dev.rclonebackup.settings.RetentionPolicy;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the retention policy decided for one database.
 *
 * @param database        the database alias
 * @param kept            the backups kept, newest first, each with the rules that keep it
 * @param removedBackups  remote paths ({@code db/NAME}) of the backups removed, newest first
 * @param removedPartials remote paths of that database's stale partial uploads removed
 */
public record DatabaseCleanup(
        String database, List<KeptBackup> kept, List<String> removedBackups, List<String> removedPartials) {
    public DatabaseCleanup {
        kept = List.copyOf(kept);
        removedBackups = List.copyOf(removedBackups);
        removedPartials = List.copyOf(removedPartials);
    }

    /** Every removed remote path: the backups, then the partial uploads. */
    public List<String> removed() {
        return Stream.concat(removedBackups.stream(), removedPartials.stream()).toList();
    }

    /**
     * A backup the policy keeps.
     *
     * @param path  its remote path, {@code db/NAME}
     * @param rules why it is kept, in the order of {@link RetentionPolicy.Rule}; never empty
     */
    public record KeptBackup(String path, Set<RetentionPolicy.Rule> rules) {
        public KeptBackup {
            rules = Collections.unmodifiableSet(
                    rules.isEmpty() ? EnumSet.noneOf(RetentionPolicy.Rule.class) : EnumSet.copyOf(rules));
        }
    }
}
