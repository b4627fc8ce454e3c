package dev.rclonebackup.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    String sql(String statements) {
        try {
            Process process = new ProcessBuilder("sqlite3", file.toString(), statements).redirectErrorStream(true).start();
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
