package dev.rclonebackup.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract on real SQLite files, plus the swap-in-on-success restore. */
class SqliteContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path databaseFolder;

    @Override
    protected DatabaseSettings newDatabase() {
        return database(databaseFolder.resolve("app-" + DATABASES.incrementAndGet() + ".sqlite3"));
    }

    private static DatabaseSettings database(Path file) {
        return DatabaseSettings.builder().url("jdbc:sqlite:" + file).build();
    }

    /** SQLite has no password: a file that is not a database cannot be dumped. */
    @Override
    protected DatabaseSettings brokenDatabase(DatabaseSettings working) throws Exception {
        Path garbage = databaseFolder.resolve("app-" + DATABASES.incrementAndGet() + ".sqlite3");
        Files.writeString(garbage, "this is not an SQLite database, and long enough to look like a header of one");
        return database(garbage);
    }

    @Override
    protected Connection connect(DatabaseSettings database) throws SQLException {
        return DriverManager.getConnection(database.url());
    }

    /** SQLite has no date, timestamp or exact decimal types: those are stored as text, as applications do. */
    @Override
    protected String createSampleTable() {
        return "CREATE TABLE sample (id INTEGER PRIMARY KEY, label TEXT, amount TEXT, big INTEGER,"
                + " born TEXT, seen_at TEXT, active BOOLEAN, payload BLOB, note TEXT)";
    }

    @Override
    protected String expectedConnectorId() {
        return "sqlite";
    }

    @Override
    protected void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            statement.setString(index, value.toString());
        } else if (value instanceof BigDecimal decimal) {
            statement.setString(index, decimal.toPlainString());
        } else {
            super.bind(statement, index, value);
        }
    }

    @Override
    protected Object read(ResultSet rows, int index, Class<?> type) throws SQLException {
        Object value;
        if (type == Long.class) {
            value = rows.getLong(index);
        } else if (type == Boolean.class) {
            value = rows.getBoolean(index);
        } else if (type == byte[].class) {
            value = rows.getBytes(index);
        } else {
            String text = rows.getString(index);
            value = text == null
                    ? null
                    : type == LocalDate.class
                            ? LocalDate.parse(text)
                            : type == LocalDateTime.class
                                    ? LocalDateTime.parse(text)
                                    : type == BigDecimal.class ? new BigDecimal(text) : text;
        }
        return rows.wasNull() ? null : value;
    }

    @Test
    void aRestoreOfGarbageLeavesTheDatabaseFileAsItWas() throws Exception {
        assertFailedRestoreLeavesDataUnchanged("this is not SQL;\n".getBytes(StandardCharsets.UTF_8));
        assertOnlyDatabaseFiles();
    }

    @Test
    void aRestoreThatFailsAfterLoadingEverythingStillLeavesTheDatabaseFileAlone() throws Exception {
        DatabaseSettings other = newDatabase();
        try (Connection connection = connect(other);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE other (id INTEGER PRIMARY KEY)");
        }
        byte[] failingAtTheEnd = (new String(backupBytes(other), StandardCharsets.UTF_8)
                        + "INSERT INTO missing VALUES (1);\n")
                .getBytes(StandardCharsets.UTF_8);

        assertFailedRestoreLeavesDataUnchanged(failingAtTheEnd);
        assertOnlyDatabaseFiles();
    }

    @Test
    void aBackupCannotRunShellCommands() throws Exception {
        Path marker = databaseFolder.resolve("ran");

        assertFailedRestoreLeavesDataUnchanged((".shell touch " + marker + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(marker).doesNotExist();
    }

    private void assertOnlyDatabaseFiles() throws Exception {
        try (var files = Files.list(databaseFolder)) {
            assertThat(files)
                    .allSatisfy(
                            file -> assertThat(file.getFileName().toString()).matches("app-\\d+\\.sqlite3"));
        }
    }
}
