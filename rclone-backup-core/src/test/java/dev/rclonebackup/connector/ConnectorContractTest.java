package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.process.PipelineResult;
import dev.rclonebackup.process.ProcessPipeline;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every connector must do, checked against a real database: a table with unicode text,
 * NULLs, binary data, integers, decimals, dates, timestamps and booleans is dumped through
 * {@code rclone rcat} into a folder, read back through {@code rclone cat}, restored, and compared
 * row for row. Each connector's test extends this class and supplies a fresh database and the
 * SQL types of its engine.
 */
abstract class ConnectorContractTest {
    private static final String ALIAS = "default";

    /** Every byte value once, so no encoding or escaping can go unnoticed. */
    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < ALL_BYTES.length; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    /** The sample table's columns, in order, with the Java type each is written and read as. */
    private static final List<Class<?>> COLUMN_TYPES = List.of(
            Long.class,
            String.class,
            BigDecimal.class,
            Long.class,
            LocalDate.class,
            LocalDateTime.class,
            Boolean.class,
            byte[].class,
            String.class);

    static final List<List<Object>> SAMPLE_ROWS = List.of(
            Arrays.asList(
                    1L,
                    "Grüße, 世界 🚀 — \"double\" 'single' \\back\\slash\ttab\nnew line; DROP TABLE x; --",
                    new BigDecimal("12345.67"),
                    9_007_199_254_740_993L,
                    LocalDate.of(1999, 12, 31),
                    LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000),
                    true,
                    ALL_BYTES,
                    "first"),
            Arrays.asList(
                    2L,
                    "",
                    new BigDecimal("-0.01"),
                    Long.MIN_VALUE,
                    LocalDate.of(1970, 1, 1),
                    LocalDateTime.of(1970, 1, 1, 0, 0),
                    false,
                    new byte[0],
                    null),
            Arrays.asList(3L, null, null, null, null, null, null, null, null));

    @TempDir
    Path remoteFolder;

    /** A new, empty database for this test alone, configured as the application would configure it. */
    protected abstract DatabaseSettings newDatabase() throws Exception;

    /** A JDBC connection to {@code database} with its own credentials. */
    protected abstract Connection connect(Database database) throws SQLException;

    /**
     * {@code CREATE TABLE sample (id, label, amount, big, born, seen_at, active, payload, note)}
     * in this engine's types: integer key, text, decimal with two places, 64-bit integer, date,
     * timestamp with microseconds, boolean, binary, text.
     */
    protected abstract String createSampleTable();

    /** The connector this engine must resolve to. */
    protected abstract Class<? extends Connector> expectedConnector();

    /** Binds one sample value; engines without a native type for it override this. */
    protected void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Reads one sample value as {@code type}; engines without a native type for it override this. */
    protected Object read(ResultSet rows, int index, Class<?> type) throws SQLException {
        Object value = type == byte[].class ? rows.getBytes(index) : rows.getObject(index, type);
        return rows.wasNull() ? null : value;
    }

    @Test
    void roundTripRestoresEveryRowIntoTheChangedDatabase() throws Exception {
        Configured database = resolve(newDatabase());
        createSample(database);
        assertThat(rows(database)).as("rows before the backup").isEqualTo(normalized(SAMPLE_ROWS));

        backUp(database, "backup");
        change(database);
        assertThat(rows(database)).isNotEqualTo(normalized(SAMPLE_ROWS));
        PipelineResult restored = restore(database, "backup");

        assertThat(restored.rootCause()).isEmpty();
        assertThat(rows(database)).isEqualTo(normalized(SAMPLE_ROWS));
    }

    @Test
    void roundTripRestoresIntoAnEmptyDatabase() throws Exception {
        Configured source = resolve(newDatabase());
        createSample(source);
        backUp(source, "backup");

        Configured target = resolve(newDatabase());
        PipelineResult restored = restore(target, "backup");

        assertThat(restored.rootCause()).isEmpty();
        assertThat(rows(target)).isEqualTo(normalized(SAMPLE_ROWS));
    }

    @Test
    void theBackupIsStoredUnderItsNameOnTheRemote() throws Exception {
        Configured database = resolve(newDatabase());
        createSample(database);

        backUp(database, "default.backup");

        assertThat(remotePath("default.backup")).isNotEmptyFile();
        try (var files = Files.list(remoteFolder)) {
            assertThat(files).containsExactly(remotePath("default.backup"));
        }
    }

    /**
     * Restores {@code backup} into a database holding the sample rows, expects the restore to
     * fail, and checks the sample rows are still there unchanged.
     */
    protected void assertFailedRestoreLeavesDataUnchanged(byte[] backup) throws Exception {
        Configured database = resolve(newDatabase());
        createSample(database);
        Files.write(remotePath("broken"), backup);

        PipelineResult restored = restore(database, "broken");

        assertThat(restored.consumer().succeeded())
                .as("restore of a broken backup")
                .isFalse();
        assertThat(rows(database)).isEqualTo(normalized(SAMPLE_ROWS));
    }

    /** Resolves {@code entry} the way the application does, checking it maps to {@link #expectedConnector()}. */
    protected Configured resolve(DatabaseSettings entry) {
        ConnectorRegistry registry = registry(entry);
        Database database = registry.database(ALIAS);
        Connector connector = registry.connectorFor(database);
        assertThat(connector).isInstanceOf(expectedConnector());
        return new Configured(database, connector);
    }

    /** A database as resolved from its configuration, with its connector. */
    protected record Configured(Database database, Connector connector) {}

    private static ConnectorRegistry registry(DatabaseSettings entry) {
        return new ConnectorRegistry(
                Settings.builder().remote("backups:").database(ALIAS, entry).build(), Map.of());
    }

    /** The backup as the bytes stored on the remote, for tests that tamper with it. */
    protected byte[] backUp(Configured configured, String name) throws Exception {
        Database database = configured.database();
        try (Dump dump = configured.connector().dump(database)) {
            dump.prepareDump();
            assertNoPasswordOnTheCommandLine(dump.step(), database);
            PipelineResult result =
                    ProcessPipeline.run(dump.step(), RcloneSteps.rcat(remotePath(name)), Reporter.SILENT);
            assertThat(result.rootCause()).as("backup of %s", database).isEmpty();
        }
        return Files.readAllBytes(remotePath(name));
    }

    /** Restores {@code name} from the remote, committing on success and aborting on failure. */
    protected PipelineResult restore(Configured configured, String name) throws Exception {
        try (Restore restore = configured.connector().restore(configured.database())) {
            for (Optional<Step.Command> next = restore.nextInspection();
                    next.isPresent();
                    next = restore.nextInspection()) {
                PipelineResult inspected =
                        ProcessPipeline.run(RcloneSteps.cat(remotePath(name)), next.get(), Reporter.SILENT);
                if (!inspected.consumer().succeeded()) {
                    return inspected;
                }
            }
            restore.prepare(Reporter.SILENT);
            assertNoPasswordOnTheCommandLine(restore.step(), configured.database());
            PipelineResult result;
            try {
                result = ProcessPipeline.run(RcloneSteps.cat(remotePath(name)), restore.step(), Reporter.SILENT);
            } catch (IOException | InterruptedException | RuntimeException e) {
                restore.abort();
                throw e;
            }
            if (result.succeeded()) {
                restore.commit();
            } else {
                restore.abort();
            }
            return result;
        }
    }

    private static void assertNoPasswordOnTheCommandLine(Step step, Database database) {
        if (step instanceof Step.Command command && database.password() != null) {
            assertThat(command.argv()).noneMatch(argument -> argument.contains(database.password()));
        }
    }

    /** Where the object {@code name} of the test's remote (a local folder) is stored. */
    protected Path remotePath(String name) {
        return remoteFolder.resolve(name);
    }

    private void createSample(Configured configured) throws SQLException {
        try (Connection connection = connect(configured.database())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(createSampleTable());
            }
            for (List<Object> row : SAMPLE_ROWS) {
                insert(connection, row);
            }
        }
    }

    private void insert(Connection connection, List<Object> row) throws SQLException {
        String sql = "INSERT INTO sample (id, label, amount, big, born, seen_at, active, payload, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < row.size(); i++) {
                if (row.get(i) == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    bind(statement, i + 1, row.get(i));
                }
            }
            statement.executeUpdate();
        }
    }

    /** Changes every kind of thing a restore must undo: an update, a delete and an insert. */
    private void change(Configured configured) throws SQLException {
        try (Connection connection = connect(configured.database());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sample SET label = 'changed', note = NULL WHERE id = 1");
            statement.executeUpdate("DELETE FROM sample WHERE id = 2");
        }
        try (Connection connection = connect(configured.database())) {
            insert(connection, Arrays.asList(99L, "added after the backup", null, null, null, null, null, null, null));
        }
    }

    private List<List<Object>> rows(Configured configured) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = connect(configured.database());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT id, label, amount, big, born, seen_at, active, payload, note FROM sample ORDER BY id")) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < COLUMN_TYPES.size(); i++) {
                    row.add(read(result, i + 1, COLUMN_TYPES.get(i)));
                }
                rows.add(row);
            }
        }
        return normalized(rows);
    }

    /** Makes rows comparable with {@code equals}: bytes as hex, decimals without trailing zeros. */
    private static List<List<Object>> normalized(List<List<Object>> rows) {
        List<List<Object>> normalized = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (Object value : row) {
                if (value instanceof byte[] bytes) {
                    values.add("0x" + HexFormat.of().formatHex(bytes));
                } else if (value instanceof BigDecimal decimal) {
                    values.add(decimal.stripTrailingZeros().toPlainString());
                } else {
                    values.add(value);
                }
            }
            normalized.add(values);
        }
        return normalized;
    }
}
