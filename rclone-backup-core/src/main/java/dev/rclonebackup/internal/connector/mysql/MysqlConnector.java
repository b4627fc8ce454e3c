package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Verification;
import java.time.Duration;
import java.util.Optional;

/**
 * MySQL and MariaDB through {@code mysqldump} and {@code mysql}, or MariaDB's own
 * {@code mariadb-dump} and {@code mariadb} where the former are not installed. The dump is plain
 * SQL taken in one consistent transaction (InnoDB), with routines, events and triggers.
 *
 * <p>The password travels in {@code MYSQL_PWD}, never on the command line. It was chosen over
 * a temporary option file because it never touches the disk (nothing to leave behind when the
 * JVM is killed), takes any character without option-file escaping, and is readable only by the
 * same user and root ({@code /proc/PID/environ} is private on Linux) — the same protection as a
 * 0600 file.
 *
 * <p>When a host or a port is configured the tools are told to use TCP: a JDBC URL always means
 * TCP, whereas the MySQL tools would silently use the local socket for {@code localhost}.
 *
 * <p>A restore goes into a scratch database first and replaces the live database's tables in one
 * atomic rename only when it fully succeeded ({@link ScratchRestore}). The client runs in sandbox
 * mode where it has one (MariaDB), so a tampered backup cannot run programs. An account without
 * the EVENT privilege backs up without events ({@link MysqlDump}).
 *
 * <p>Options: {@code dump-args} and {@code restore-args} are appended to the respective command
 * line (e.g. {@code --ignore-table=app.sessions}); {@code lock-timeout} (default 60 s) bounds the
 * restore's waits for other sessions' locks.
 */
public class MysqlConnector implements Connector {
    public static final String ID = "mysql";
    /** The option bounding how long a restore waits for another session's lock. */
    public static final String LOCK_TIMEOUT = "lock-timeout";

    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String extension() {
        return "sql";
    }

    @Override
    public Dump dump(Database database) {
        return new MysqlDump(new MysqlClient(database));
    }

    @Override
    public Restore restore(Database database) {
        return new ScratchRestore(new MysqlClient(database), lockTimeouts(database));
    }

    /**
     * Verifies in a scratch database created without connecting to the configured one, by the
     * configured account or, when that may not create it, by {@code options.admin-user}.
     */
    @Override
    public Optional<Verification> verification(Database database) {
        return Optional.of(new MysqlVerification(database));
    }

    /**
     * The restore session's waits for metadata locks and row locks, from {@code options.lock-timeout}:
     * the servers' own defaults are a day and 50 s.
     */
    static String lockTimeouts(Database database) {
        Duration timeout = database.durationOption(LOCK_TIMEOUT, DEFAULT_LOCK_TIMEOUT);
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        return "SET SESSION lock_wait_timeout = " + seconds + ", SESSION innodb_lock_wait_timeout = " + seconds;
    }
}
