package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the MySQL/MariaDB tools reach one configured database: the connection arguments, the
 * password in {@code MYSQL_PWD}, and short statements run through the command-line client
 * (privilege checks, the restore's swap) with the same connection settings as the dump.
 */
final class MysqlClient {
    static final String PACKAGE = "mariadb-client";

    private final Database database;
    private final MysqlTls tls;

    /** @throws dev.rclonebackup.ConfigurationException when the URL's parameters are unknown or invalid */
    MysqlClient(Database database) {
        this.database = database;
        this.tls = MysqlTls.of(database);
    }

    Database database() {
        return database;
    }

    /** {@code mysql}, or {@code mariadb} where only MariaDB's own name is installed. */
    static String clientTool() {
        return ExecutableSearch.firstOnPath("mysql", "mariadb");
    }

    /** {@code mysqldump}, or {@code mariadb-dump} where only MariaDB's own name is installed. */
    static String dumpTool() {
        return ExecutableSearch.firstOnPath("mysqldump", "mariadb-dump");
    }

    /**
     * Host, port, user and TLS settings. When a host or a port is configured the tools are told to
     * use TCP: a JDBC URL always means TCP, whereas the tools would silently use the local socket
     * for {@code localhost}.
     */
    List<String> connectionArguments() {
        List<String> arguments = new ArrayList<>();
        if (database.host() != null) {
            arguments.add("--host=" + database.host());
        }
        if (database.port() != null) {
            arguments.add("--port=" + database.port());
        }
        if (database.host() != null || database.port() != null) {
            arguments.add("--protocol=TCP");
        }
        if (database.username() != null) {
            arguments.add("--user=" + database.username());
        }
        arguments.addAll(tls.arguments());
        return arguments;
    }

    /**
     * When the URL requires TLS without verifying it, which the tools cannot enforce, asks the
     * server whether this account's session is encrypted, and stops when it is not. Other
     * failures to connect are left to the dump or restore tool to report.
     */
    void requireEncryption() throws IOException {
        if (!tls.needsEncryptionCheck()) {
            return;
        }
        ProcessResult status = run("SHOW SESSION STATUS LIKE 'Ssl_cipher';\n", database.name(), null);
        String[] columns = status.stdoutText().strip().split("\t");
        if (status.exitCode() == 0 && (columns.length < 2 || columns[1].isBlank())) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Database '" + database.alias() + "': its URL "
                            + "requires TLS, but the server "
                            + (database.host() == null ? "" : "at " + database.host() + " ")
                            + "does not encrypt the connection, so it stops here.");
        }
    }

    /** {@code argv} run with the password, if any, in {@code MYSQL_PWD}. */
    Step.Command command(List<String> argv) {
        Map<String, String> environment =
                database.password() == null ? Map.of() : Map.of("MYSQL_PWD", database.password());
        return new Step.Command(argv, environment, PACKAGE);
    }

    /**
     * Runs {@code sql} through the client in database {@code schema} (none when null), in batch mode without
     * column names, with {@code initCommand} (may be null) first.
     */
    ProcessResult run(String sql, String schema, String initCommand) throws IOException {
        return run(sql.getBytes(StandardCharsets.UTF_8), schema, initCommand);
    }

    /** As {@link #run(String, String, String)}, for SQL that is already bytes. */
    ProcessResult run(byte[] sql, String schema, String initCommand) throws IOException {
        List<String> argv = new ArrayList<>(List.of(clientTool(), "--batch", "--skip-column-names", "--loose-sandbox"));
        if (initCommand != null) {
            argv.add("--init-command=" + initCommand);
        }
        argv.addAll(connectionArguments());
        if (schema != null) {
            argv.add(schema);
        }
        try {
            return ProcessRunner.run(command(argv), sql, Reporter.SILENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RcloneBackupException(
                    ErrorCode.INTERRUPTED, "Interrupted while talking to database '" + database.alias() + "'.", e);
        }
    }

    /** The client's error output without the statement echo, for messages; never the password. */
    String errorOf(ProcessResult result) {
        String text = result.stderr().strip();
        int error = text.lastIndexOf("ERROR ");
        text = error >= 0 ? text.substring(error) : text;
        String password = database.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }
}
