package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.process.ProcessResult;
import dev.rclonebackup.internal.process.ProcessRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A query run with {@code psql} in the database a restore goes into, as the restoring role. */
final class TargetQuery {
    private static final String FIELD_SEPARATOR = "\u001f";
    private static final String RECORD_SEPARATOR = "\u001e";

    private TargetQuery() {}

    /** The {@code psql} command running {@code sql}, rows and fields separated by control characters. */
    static Step.Command command(Database database, String sql) {
        List<String> argv = new ArrayList<>(List.of(
                "psql",
                "--no-psqlrc",
                "--no-password",
                "--quiet",
                "--tuples-only",
                "--no-align",
                "--field-separator=" + FIELD_SEPARATOR,
                "--record-separator=" + RECORD_SEPARATOR,
                "--set=ON_ERROR_STOP=1"));
        argv.addAll(PostgresqlConnector.connectionArguments(database));
        argv.add("--command=" + sql);
        return PostgresqlConnector.command(argv, database);
    }

    /**
     * Runs {@code sql} and returns its rows, each a list of fields (a null is an empty string).
     *
     * @param purpose what the query is for, e.g. {@code read the database before the restore}
     */
    static List<List<String>> rows(Database database, String sql, String purpose, Reporter reporter)
            throws IOException {
        ProcessResult result;
        try {
            result = ProcessRunner.run(command(database, sql), null, reporter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RcloneBackupException(
                    ErrorCode.INTERRUPTED,
                    "Interrupted while trying to " + purpose + " of database '" + database.alias() + "'.",
                    e);
        }
        if (result.exitCode() != 0) {
            throw new RcloneBackupException(
                    ErrorCode.OPERATION_FAILED,
                    "Could not " + purpose + " of database '"
                            + database.alias() + "': psql exited with status " + result.exitCode() + ": "
                            + redacted(result.stderr().strip(), database.password()));
        }
        String output = result.stdoutText();
        if (output.endsWith("\n")) {
            output = output.substring(0, output.length() - 1);
        }
        List<List<String>> rows = new ArrayList<>();
        if (output.isEmpty()) {
            return rows;
        }
        for (String record : output.split(RECORD_SEPARATOR, -1)) {
            rows.add(Arrays.asList(record.split(FIELD_SEPARATOR, -1)));
        }
        return rows;
    }

    private static String redacted(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }
}
