package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.sqlite.SqliteConnector;
import dev.rclonebackup.settings.DatabaseSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract on real SQLite files, plus the swap-in-on-success restore. */
class SqliteConnectorTest extends ConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path databaseFolder;

    @Override
    protected DatabaseSettings newDatabase() {
        Path file = databaseFolder.resolve("app-" + DATABASES.incrementAndGet() + ".sqlite3");
        return DatabaseSettings.builder().url("jdbc:sqlite:" + file).build();
    }

    @Override
    protected Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database.name());
    }

    /** SQLite has no date, timestamp or exact decimal types: those are stored as text, as applications do. */
    @Override
    protected String createSampleTable() {
        return "CREATE TABLE sample (id INTEGER PRIMARY KEY, label TEXT, amount TEXT, big INTEGER,"
                + " born TEXT, seen_at TEXT, active BOOLEAN, payload BLOB, note TEXT)";
    }

    @Override
    protected Class<? extends Connector> expectedConnector() {
        return SqliteConnector.class;
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
        assertOnlyDatabaseFilesIn(databaseFolder);
    }

    @Test
    void aRestoreThatFailsAfterLoadingEverythingStillLeavesTheDatabaseFileAlone() throws Exception {
        Configured source = resolve(newDatabase());
        try (Connection connection = connect(source.database())) {
            connection.createStatement().execute("CREATE TABLE other (id INTEGER PRIMARY KEY)");
        }
        byte[] backup = backUp(source, "other");
        byte[] failingAtTheEnd = (new String(backup, StandardCharsets.UTF_8) + "INSERT INTO missing VALUES (1);\n")
                .getBytes(StandardCharsets.UTF_8);

        assertFailedRestoreLeavesDataUnchanged(failingAtTheEnd);
        assertOnlyDatabaseFilesIn(databaseFolder);
    }

    @Test
    void aBackupCannotRunShellCommands() throws Exception {
        Path marker = databaseFolder.resolve("ran");

        assertFailedRestoreLeavesDataUnchanged((".shell touch " + marker + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(marker).doesNotExist();
    }

    @Test
    void theRestoredFileKeepsTheLiveFilesPermissions() throws Exception {
        Configured database = resolve(newDatabase());
        try (Connection connection = connect(database.database())) {
            connection.createStatement().execute(createSampleTable());
        }
        backUp(database, "backup");
        Path file = Path.of(database.database().name());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(restore(database, "backup").succeeded()).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r-----");
        assertOnlyDatabaseFilesIn(databaseFolder);
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsRestored() throws Exception {
        Configured target = resolve(newDatabase());
        try (Connection connection = connect(target.database())) {
            connection.createStatement().execute(createSampleTable());
        }
        Path link = databaseFolder.resolve("link.sqlite3");
        Files.createSymbolicLink(link, Path.of(target.database().name()));
        Configured linked = resolve(DatabaseSettings.builder()
                .engine("sqlite")
                .name(link.toString())
                .build());
        Configured source = resolve(newDatabase());
        try (Connection connection = connect(source.database())) {
            connection.createStatement().execute("CREATE TABLE other (id INTEGER PRIMARY KEY)");
        }
        backUp(source, "other");

        assertThat(restore(linked, "other").succeeded()).isTrue();

        assertThat(link).isSymbolicLink();
        try (Connection connection = connect(target.database());
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString(1)).isEqualTo("other");
            assertThat(tables.next()).isFalse();
        }
    }

    private static void assertOnlyDatabaseFilesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            assertThat(files)
                    .allSatisfy(
                            file -> assertThat(file.getFileName().toString()).matches("app-\\d+\\.sqlite3"));
        }
    }
}
