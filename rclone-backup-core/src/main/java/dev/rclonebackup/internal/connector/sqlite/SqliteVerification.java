package dev.rclonebackup.internal.connector.sqlite;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.connector.Verification;
import dev.rclonebackup.internal.connector.ScratchFolder;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an SQLite backup in a new file inside a private temporary folder (restored there by
 * the connector's normal restore), runs {@code PRAGMA integrity_check} on it, counts its tables
 * and rows, and deletes the folder.
 */
final class SqliteVerification implements Verification {
    private static final String RECORD_SEPARATOR = "\u001e";
    private static final String TABLES = "SELECT '\"' || replace(name, '\"', '\"\"') || '\"' FROM sqlite_master"
            + " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            + " AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name;\n";

    private final Database database;
    private Reporter reporter = Reporter.SILENT;
    private ScratchFolder folder;
    private Path scratch;

    SqliteVerification(Database database) {
        this.database = database;
    }

    @Override
    public Database createScratch(Reporter reporter) throws IOException {
        this.reporter = reporter;
        folder = ScratchFolder.create(reporter);
        String file = Path.of(database.name()).getFileName().toString();
        scratch = folder.resolve(Verification.scratchName(file, 200));
        return new Database(
                database.alias(),
                database.engine(),
                null,
                null,
                scratch.toString(),
                null,
                null,
                null,
                database.options());
    }

    @Override
    public String scratchName() {
        return scratch == null ? "(not created)" : scratch.toString();
    }

    @Override
    public Contents check() throws IOException {
        List<String> integrity = lines(run("PRAGMA integrity_check;\n"));
        if (!integrity.equals(List.of("ok"))) {
            throw new IOException(
                    "PRAGMA integrity_check on the restored file reported: " + String.join("; ", integrity));
        }
        List<String> tables = lines(run(TABLES));
        if (tables.isEmpty()) {
            return new Contents(0, 0);
        }
        List<String> counts = new ArrayList<>();
        for (String table : tables) {
            counts.add("(SELECT count(*) FROM " + table + ")");
        }
        String rows = lines(run("SELECT " + String.join(" + ", counts) + ";\n")).get(0);
        return new Contents(tables.size(), Long.parseLong(rows));
    }

    /** Not read-only: in a read-only connection integrity_check leaves CHECK constraints unchecked. */
    private String run(String sql) throws IOException {
        Step.Command command = Step.command(
                List.of("sqlite3", "-bail", "-safe", "-newline", RECORD_SEPARATOR, scratch.toString()),
                SqliteConnector.PACKAGE);
        ProcessResult result;
        try {
            result = ProcessRunner.run(command, sql.getBytes(StandardCharsets.UTF_8), Reporter.SILENT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RcloneBackupException(
                    ErrorCode.INTERRUPTED, "Interrupted while checking the restored file " + scratch + ".", e);
        }
        if (result.exitCode() != 0) {
            throw new IOException("sqlite3 could not read the restored file: "
                    + result.stderr().strip());
        }
        return result.stdoutText();
    }

    private static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split(RECORD_SEPARATOR)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Deletes the temporary folder with the scratch file and anything the engine left beside it. */
    @Override
    public void close() {
        if (folder != null) {
            folder.close();
            folder = null;
        }
    }
}
