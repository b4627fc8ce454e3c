package dev.rclonebackup.internal.rclone;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.internal.ForwardingReporter;
import java.util.Optional;

/**
 * What rclone prints while it syncs or copies. A dry run's {@code Skipped … as --dry-run is set}
 * notices become info lines: they are the answer a dry run was asked for. rclone's other notices
 * (a special file it cannot transfer, a symbolic link it does not follow …) become warnings,
 * since rclone goes on without those files and the user must hear of it at the default
 * verbosity. Everything else passes through as tool output.
 */
final class TransferReporter extends ForwardingReporter {
    TransferReporter(Reporter delegate) {
        super(delegate);
    }

    @Override
    public void toolOutput(String tool, String line) {
        Optional<String> notice = RcloneDiagnostics.notice(line);
        if (notice.isEmpty()) {
            delegate().toolOutput(tool, line);
        } else if (notice.get().contains("as --dry-run is set")) {
            delegate().info(notice.get());
        } else {
            delegate().warning("rclone: " + notice.get());
        }
    }
}
