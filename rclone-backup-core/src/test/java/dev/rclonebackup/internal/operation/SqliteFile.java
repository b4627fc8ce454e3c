package dev.rclonebackup.internal.operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs SQL against a SQLite file with the real sqlite3 tool. */
final class SqliteFile {
    private SqliteFile() {}

    static String sql(Path file, String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sqlite3", file.toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IOException("sqlite3 failed: " + out);
        }
        return out;
    }

    /** A small database with text, NULLs, numbers and a blob. */
    static Path create(Path file) throws IOException, InterruptedException {
        sql(file, """
                CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT, amount REAL, data BLOB);
                INSERT INTO note (body, amount, data) VALUES ('Zoë — ünïcödé ✓', 12.5, X'00FF10'), (NULL, NULL, NULL);
                """);
        return file;
    }
}
