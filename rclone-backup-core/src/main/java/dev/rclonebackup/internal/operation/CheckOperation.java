package dev.rclonebackup.internal.operation;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * check: lists the backup folder once and judges each database's backups with
 * {@link BackupCheck}. A remote that cannot be listed (unreachable, or rclone missing) fails every
 * database with rclone's message instead of failing the operation, so that every caller gets one
 * verdict per database.
 */
public final class CheckOperation {
    private final Context context;

    public CheckOperation(Context context) {
        this.context = context;
    }

    /**
     * @param databases the aliases to check, in order; empty for every configured database
     * @param maxAge    the oldest a newest backup may be; null for {@code check.max-age}
     * @throws ConfigurationException when an alias is not configured or there is no database
     */
    public List<CheckResult> run(List<String> databases, Duration maxAge) throws InterruptedException {
        Set<String> aliases = new LinkedHashSet<>(databases);
        if (aliases.isEmpty()) {
            aliases.addAll(context.settings().databases().keySet());
        }
        if (aliases.isEmpty()) {
            throw ConfigurationException.forKey("databases", "is empty: there is no database to check");
        }
        for (String alias : aliases) {
            context.connectors().database(alias);
        }
        Duration limit = maxAge != null ? maxAge : context.settings().checkMaxAge();
        Double ratio = context.settings().checkMinSizeRatio();
        List<BackupFile> backups;
        try {
            backups = new ListOperations(context).backups(null);
        } catch (IOException | RcloneBackupException e) {
            if (e instanceof RcloneBackupException failure && failure.errorCode() != ErrorCode.OPERATION_FAILED) {
                throw failure;
            }
            return unlisted(aliases, e.getMessage());
        }
        Instant now = context.clock().instant();
        List<CheckResult> results = new ArrayList<>();
        for (String alias : aliases) {
            List<BackupFile> own =
                    backups.stream().filter(b -> b.database().equals(alias)).toList();
            results.add(BackupCheck.judge(alias, own, now, limit, ratio));
        }
        return results;
    }

    private static List<CheckResult> unlisted(Set<String> aliases, String reason) {
        List<CheckResult> results = new ArrayList<>();
        for (String alias : aliases) {
            results.add(new CheckResult(alias, null, null, "cannot list the backups: " + reason));
        }
        return results;
    }
}
