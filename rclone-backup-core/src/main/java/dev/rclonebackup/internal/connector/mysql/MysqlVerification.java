package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Verification;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import dev.rclonebackup.internal.process.Supervision;
import dev.rclonebackup.internal.secrets.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a MySQL/MariaDB backup in a scratch database {@code NAME_verify_XXXXXXXX} with the
 * configured database's character set, created and dropped by a connection without a default
 * database. It is created by the configured account when that may, else by
 * {@code options.admin-user}, which then also restores into it and counts it. The restore is the
 * connector's normal one, which goes through a scratch database of its own
 * ({@code NAME_verify_XXXXXXXX_restore_XXXXXXXX}) and renames the tables in.
 */
final class MysqlVerification implements Verification {
    static final String ADMIN_USER = "admin-user";
    static final String ADMIN_PASSWORD = "admin-password";

    /** The restore's own scratch name adds {@code _restore_} and eight hex digits. */
    private static final int MAX_NAME = 64 - 17;

    private static final String ACCESS_DENIED = "ERROR 1044 ";
    private static final Duration DROP_TIMEOUT = Duration.ofSeconds(8);
    private static final String DROP_LOCK_TIMEOUT = "SET SESSION lock_wait_timeout = 5";
    private static final String COUNTS = String.join(
            "\n",
            "SET SESSION group_concat_max_len = 16777216;",
            "SELECT COUNT(*), COALESCE(GROUP_CONCAT(CONCAT('(SELECT COUNT(*) FROM `', REPLACE(TABLE_NAME, '`', '``'),",
            "'`)') SEPARATOR ' + '), '0') INTO @verify_tables, @verify_rows FROM information_schema.TABLES",
            "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE';",
            "SET @verify_count = CONCAT('SELECT ', @verify_tables, ', ', @verify_rows);",
            "PREPARE verify_count FROM @verify_count;",
            "EXECUTE verify_count;",
            "");

    private final Database database;
    private final String scratch;
    private Reporter reporter = Reporter.SILENT;
    private MysqlClient creator;

    MysqlVerification(Database database) {
        this.database = database;
        this.scratch = Verification.scratchName(database.name(), MAX_NAME);
    }

    @Override
    public String scratchName() {
        return scratch;
    }

    @Override
    public Database createScratch(Reporter reporter) throws IOException {
        this.reporter = reporter;
        MysqlClient client = new MysqlClient(scratchAs(database.username(), database.password()));
        ProcessResult charset = client.run(
                "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME = " + ScratchRestore.literal(database.name()) + ";\n",
                null,
                null);
        if (charset.exitCode() != 0) {
            throw failure("could not read its character set: " + client.errorOf(charset));
        }
        String[] columns = charset.stdoutText().strip().split("\t");
        String create = "CREATE DATABASE " + ScratchRestore.identifier(scratch)
                + (columns.length == 2 && (columns[0] + columns[1]).matches("[A-Za-z0-9_]+")
                        ? " CHARACTER SET " + columns[0] + " COLLATE " + columns[1]
                        : "")
                + ";\n";
        ProcessResult created = client.run(create, null, null);
        if (created.exitCode() != 0 && client.errorOf(created).startsWith(ACCESS_DENIED)) {
            client = admin(client.errorOf(created));
            created = client.run(create, null, null);
        }
        if (created.exitCode() != 0) {
            throw failure("creating the scratch database " + scratch + " failed: " + client.errorOf(created));
        }
        creator = client;
        return creator.database();
    }

    /** The admin account's client, or a failure saying what is needed. */
    private MysqlClient admin(String refusal) {
        String adminUser = database.option(ADMIN_USER);
        if (adminUser == null || adminUser.isBlank()) {
            throw new RcloneBackupException(
                    ErrorCode.CONFIGURATION,
                    "Cannot verify database '" + database.alias() + "': a verify restores into a scratch database, "
                            + "and the account may not create " + scratch + " (" + refusal + "); grant it every "
                            + "privilege on its scratch databases: GRANT ALL PRIVILEGES ON `"
                            + verifyPattern(database.name()) + "`.* TO '"
                            + (database.username() == null ? "ACCOUNT" : database.username())
                            + "'@'…', or set databases."
                            + database.alias() + ".options." + ADMIN_USER + " (and "
                            + ADMIN_PASSWORD + ") to an account that may create databases.");
        }
        return new MysqlClient(scratchAs(adminUser, database.option(ADMIN_PASSWORD)));
    }

    /** The scratch database as {@code username}. */
    private Database scratchAs(String username, String password) {
        return new Database(
                database.alias(),
                database.engine(),
                database.host(),
                database.port(),
                scratch,
                username,
                password,
                database.url(),
                database.options());
    }

    /** The name pattern of the scratch databases of a verify, as written in a GRANT. */
    static String verifyPattern(String live) {
        return (live + "_verify_").replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%";
    }

    @Override
    public Contents check() throws IOException {
        ProcessResult counted = creator.run(COUNTS, scratch, null);
        String[] columns = counted.stdoutText().strip().split("\t");
        if (counted.exitCode() != 0 || columns.length != 2) {
            throw new IOException("counting the tables and rows of scratch database " + scratch + " failed: "
                    + creator.errorOf(counted));
        }
        return new Contents(Long.parseLong(columns[0]), Long.parseLong(columns[1]));
    }

    /** Drops the scratch database, waiting for other sessions' locks on it for a few seconds at most. */
    @Override
    public void close() {
        if (creator == null) {
            return;
        }
        String drop = "DROP DATABASE IF EXISTS " + ScratchRestore.identifier(scratch) + ";";
        List<String> argv = new ArrayList<>(
                List.of(MysqlClient.clientTool(), "--batch", "--loose-sandbox", "--init-command=" + DROP_LOCK_TIMEOUT));
        argv.addAll(creator.connectionArguments());
        String problem;
        try {
            ProcessResult result = ProcessRunner.run(
                    creator.command(argv),
                    (drop + "\n").getBytes(StandardCharsets.UTF_8),
                    reporter,
                    new Supervision(Redactor.POSITIONAL, DROP_TIMEOUT));
            if (result.exitCode() == 0) {
                reporter.detail("Dropped scratch database " + scratch);
                creator = null;
                return;
            }
            problem = creator.errorOf(result);
        } catch (IOException | RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        reporter.warning("Could not drop scratch database " + scratch + " (" + problem + "); drop it by hand: " + drop);
    }

    private RcloneBackupException failure(String reason) {
        return new RcloneBackupException(
                ErrorCode.OPERATION_FAILED, "Cannot verify database '" + database.alias() + "': " + reason + ".");
    }
}
