package dev.rclonebackup.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An SQLite database file, set up and read back with the real sqlite3 tool. */
record SqliteDatabase(Path file) {

    /** A database with a table {@code item(id, label)} of {@code rows} rows of 64 random hex characters each. */
    static SqliteDatabase withRows(Path file, int rows) {
        SqliteDatabase database = new SqliteDatabase(file);
        database.sql("CREATE TABLE item(id INTEGER PRIMARY KEY, label TEXT);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ")"
                + " INSERT INTO item SELECT i, hex(randomblob(32)) FROM n;");
        return database;
    }

    /** A fingerprint of the whole content: row count and a digest of every row. */
    String content() {
        return sql("SELECT count(*) || ':' || coalesce(sum(length(label) * id), 0) || ':'"
                + " || coalesce(group_concat(substr(label, 1, 4), ''), '') FROM (SELECT * FROM item ORDER BY id);");
    }

    /**
     * Starts {@code sqlite3 FILE} as another program using the database, runs {@code statements}
     * in it and returns once they have run; the connection stays open until the session is closed.
     */
    Session open(String statements) {
        try {
            Process process = new ProcessBuilder("sqlite3", file.toString())
                    .redirectErrorStream(true)
                    .start();
            Session session = new Session(process);
            session.run(statements);
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An open {@code sqlite3} shell on the database, fed statement by statement. */
    static final class Session implements AutoCloseable {
        private static final String DONE = "-- statements done";
        private final Process process;
        private final Writer input;
        private final BufferedReader output;

        private Session(Process process) {
            this.process = process;
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Runs {@code statements} and waits until sqlite3 has run them (it prints a marker after them). */
        void run(String statements) {
            try {
                input.write(statements + "\n.print '" + DONE + "'\n");
                input.flush();
                StringBuilder seen = new StringBuilder();
                for (String line = output.readLine(); !DONE.equals(line); line = output.readLine()) {
                    if (line == null) {
                        throw new IllegalStateException("sqlite3 ended before running its statements: " + seen);
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the program at once, as a crash or {@code kill -9} would: nothing is rolled back or checkpointed. */
        void kill() {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Ends the shell normally (an open transaction is rolled back). */
        @Override
        public void close() {
            try {
                input.close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    String sql(String statements) {
        try {
            Process process = new ProcessBuilder("sqlite3", file.toString(), statements)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("sqlite3 failed on " + file + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
