package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Step;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the result of H2's {@code SCRIPT} statement to the backup stream, one statement per line
 * as {@code SCRIPT TO} would write it, so the backup can also be run with H2's own {@code RUNSCRIPT}.
 */
final class H2ScriptDump implements Step.StreamWriter {
    private static final int FETCH_SIZE = 200;

    private final Database database;
    private final String url;

    H2ScriptDump(Database database, String url) {
        this.database = database;
        this.url = url;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (Connection connection = H2Driver.connect(database, url, true);
                Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery("SCRIPT")) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                while (rows.next()) {
                    writer.write(rows.getString(1));
                    writer.write('\n');
                }
                writer.flush();
            }
        } catch (SQLException e) {
            throw new IOException("SCRIPT of H2 database '" + database.alias() + "' failed: " + H2Messages.of(e), e);
        }
    }
}
