package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Restore;
import dev.rclonebackup.connector.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Replaces an H2 database's content with a script read from the backup stream: the equivalent of
 * {@code DROP ALL OBJECTS} then {@code RUNSCRIPT}, executed statement by statement on one
 * connection without auto-commit. The connection is opened in {@link #prepare()}, so wrong
 * credentials fail before anything is downloaded, and nothing is dropped until the stream has
 * delivered its first statement.
 */
final class H2ScriptRestore implements Restore {
    private final Database database;
    private final String url;
    private Connection connection;

    H2ScriptRestore(Database database, String url) {
        this.database = database;
        this.url = url;
    }

    @Override
    public void prepare() throws IOException {
        connection = H2Driver.connect(database, url, false);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("cannot start a transaction", e);
        }
    }

    @Override
    public Step step() {
        return new Step.Reader("h2", this::restoreFrom);
    }

    private void restoreFrom(InputStream in) throws IOException {
        if (connection == null) {
            throw new IllegalStateException("prepare() must run before the restore step");
        }
        ScriptStatements script = new ScriptStatements(new InputStreamReader(in, StandardCharsets.UTF_8));
        ScriptStatements.Statement first = script.next();
        if (first == null) {
            throw new IOException("the backup of H2 database '" + database.alias()
                    + "' contains no SQL statement; the database was left unchanged");
        }
        try (Statement jdbc = connection.createStatement()) {
            dropAllObjects(jdbc);
            for (ScriptStatements.Statement next = first; next != null; next = script.next()) {
                execute(jdbc, next);
            }
        } catch (SQLException e) {
            throw failure("cannot run the restore", e);
        }
    }

    private void dropAllObjects(Statement jdbc) throws IOException {
        try {
            jdbc.execute("DROP ALL OBJECTS");
        } catch (SQLException e) {
            throw failure("cannot drop the existing objects", e);
        }
    }

    private void execute(Statement jdbc, ScriptStatements.Statement statement) throws IOException {
        try {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            throw new IOException(
                    "restore of H2 database '" + database.alias() + "' failed at statement "
                            + statement.number() + " (line " + statement.line() + ": " + statement.excerpt() + "): "
                            + H2Messages.of(e),
                    e);
        }
    }

    @Override
    public void commit() throws IOException {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot commit the restore", e);
        }
    }

    @Override
    public void abort() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The restore already failed; its cause is what the user needs to see.
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing more to release.
        }
    }

    private IOException failure(String what, SQLException e) {
        return new IOException("H2 database '" + database.alias() + "': " + what + ": " + H2Messages.of(e), e);
    }
}
