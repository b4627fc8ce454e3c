package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends a restore that waits too long for a lock. pg_restore switches {@code lock_timeout} off
 * for its session, so the server's own timeout cannot be used: while the restore runs, this
 * asks the server every second whether the restore's session (recognised by its application
 * name) has been waiting for a lock for longer than the timeout; if so, it notes who holds the
 * lock and cancels the waiting statement, and the restore's single transaction rolls back.
 */
final class LockWatch implements AutoCloseable {
    private static final Duration LONGEST_POLL = Duration.ofSeconds(1);
    private static final Duration FINISH_WAIT = Duration.ofSeconds(15);

    private final Database database;
    private final String applicationName;
    private final Duration timeout;
    private final String timeoutLabel;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String explanation;

    private LockWatch(Database database, String applicationName, Duration timeout, String timeoutLabel) {
        this.database = database;
        this.applicationName = applicationName;
        this.timeout = timeout;
        this.timeoutLabel = timeoutLabel;
        this.thread = new Thread(this::watch, "rclone-backup-lock-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching the session whose application name is {@code applicationName} (letters,
     * digits and {@code -} only).
     */
    static LockWatch start(Database database, String applicationName, Duration timeout, String timeoutLabel) {
        if (!applicationName.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("Not a plain application name: " + applicationName);
        }
        LockWatch watch = new LockWatch(database, applicationName, timeout, timeoutLabel);
        watch.thread.start();
        return watch;
    }

    /**
     * Stops watching, letting a check under way finish (the restore may end before the check
     * that cancelled it has read its answer), and tells what stopped the restore, if this did.
     */
    Optional<String> finish() throws InterruptedException {
        closed = true;
        thread.join(FINISH_WAIT.toMillis());
        return Optional.ofNullable(explanation);
    }

    private void watch() {
        long pollMillis = Math.max(50, Math.min(LONGEST_POLL.toMillis(), timeout.toMillis() / 4));
        while (!closed && explanation == null) {
            try {
                Thread.sleep(pollMillis);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // The next round asks again; a restore that cannot be watched still runs.
            }
        }
    }

    private void check() throws IOException {
        List<List<String>> rows = TargetQuery.rows(database, query(), "watch the restore's locks", Reporter.SILENT);
        if (rows.isEmpty()) {
            return;
        }
        List<String> blockers = new ArrayList<>();
        for (List<String> row : rows) {
            if (!row.get(0).isEmpty()) {
                blockers.add(describe(row));
            }
        }
        String pids = String.join(
                ", ",
                rows.stream()
                        .map(row -> row.get(0))
                        .filter(pid -> !pid.isEmpty())
                        .distinct()
                        .toList());
        explanation = "pg_restore waited longer than the lock timeout (options.lock-timeout, " + timeoutLabel
                + ") for a lock held by another session, so the restore was stopped and nothing was changed; "
                + (blockers.isEmpty()
                        ? "the blocking session was no longer known"
                        : "blocked by " + String.join("; ", blockers))
                + ". Let that session finish or end it"
                + (pids.isEmpty() ? "" : " (as a superuser or its role: SELECT pg_terminate_backend(" + pids + "))")
                + ", then restore again; a longer options.lock-timeout waits longer.";
    }

    /** e.g. {@code session 4242 (application 'report', user app, idle in transaction since 2024-…Z)}. */
    private static String describe(List<String> row) {
        List<String> details = new ArrayList<>();
        if (!row.get(2).isEmpty()) {
            details.add("application '" + row.get(2) + "'");
        }
        if (!row.get(1).isEmpty()) {
            details.add("user " + row.get(1));
        }
        if (row.get(3).isEmpty()) {
            details.add("state not visible to the restoring role");
        } else {
            details.add(row.get(3) + (row.get(4).isEmpty() ? "" : " since " + row.get(4)));
        }
        return "session " + row.get(0) + " (" + String.join(", ", details) + ")";
    }

    /**
     * Finds the restore's statements waiting longer than the timeout, reads who blocks them (all
     * of it, through the sort, before any is cancelled), then cancels them.
     */
    private String query() {
        return String.join(
                " ",
                "WITH waiting AS MATERIALIZED (SELECT DISTINCT a.pid FROM pg_catalog.pg_stat_activity a",
                "JOIN pg_catalog.pg_locks l ON l.pid = a.pid",
                "WHERE a.application_name = '" + applicationName + "' AND NOT l.granted",
                "AND l.waitstart < pg_catalog.clock_timestamp() - interval '" + timeout.toMillis() + " milliseconds'),",
                "blocking AS MATERIALIZED (SELECT w.pid AS waiter, s.pid, s.usename, s.application_name, s.state,",
                "coalesce(s.xact_start, s.state_change, s.backend_start) AS since FROM waiting w",
                "LEFT JOIN pg_catalog.pg_stat_activity s ON s.pid = ANY (pg_catalog.pg_blocking_pids(w.pid)))",
                "SELECT b.pid, b.usename, b.application_name, b.state,",
                "to_char(b.since AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),",
                "pg_catalog.pg_cancel_backend(b.waiter)",
                "FROM (SELECT * FROM blocking ORDER BY waiter, pid) b");
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
