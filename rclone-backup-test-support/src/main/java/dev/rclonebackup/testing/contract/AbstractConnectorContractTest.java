package dev.rclonebackup.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbBackupResult;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.Reporter;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Dump;
import dev.rclonebackup.connector.Restore;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every connector must do, checked through the {@link RcloneBackup} facade against a real
 * database and the real {@code rclone} with a local folder as the remote: a sample of tricky data
 * is backed up, the database changed, and the restore must bring back exactly the sample; a
 * broken backup or a failed dump must leave the data, and the remote, as they were; no password
 * may appear on a command line.
 *
 * <p>A test for a connector extends this class and supplies a fresh database for each call of
 * {@link #newDatabase()}, the id of the connector its entries must resolve to, and, for a custom
 * connector, the instance to register ({@link #connectors()}). For a database reachable through
 * JDBC, it supplies a {@link #connect connection} and the engine's {@link #createSampleTable()}:
 * the sample is then the rows of {@link #SAMPLE_ROWS} (every byte value, unicode, NULLs,
 * decimals, 64-bit integers, timestamps with microseconds). For anything else (files, say) it
 * overrides {@link #writeSample}, {@link #changeSample} and {@link #readSample} instead:
 *
 * <pre>{@code
 * class FirebirdConnectorTest extends AbstractConnectorContractTest {
 *     protected DatabaseSettings newDatabase() { ... }
 *     protected Connection connect(DatabaseSettings database) throws SQLException { ... }
 *     protected String createSampleTable() {
 *         return "CREATE TABLE sample (id BIGINT PRIMARY KEY, label VARCHAR(200), ...)";
 *     }
 *     protected String expectedConnectorId() { return "firebird"; }
 *     protected List<Connector> connectors() { return List.of(new FirebirdConnector()); }
 * }
 * }</pre>
 *
 * The test needs {@code rclone} on the {@code PATH}; the database is always configured as
 * {@value #DATABASE}.
 */
public abstract class AbstractConnectorContractTest {
    /** The alias every database entry of the contract is configured under. */
    protected static final String DATABASE = "default";

    /** What the facade shows instead of a credential it knows. */
    private static final String MASK = "****";

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

    /**
     * The rows of the sample table {@code (id, label, amount, big, born, seen_at, active, payload,
     * note)}: unicode and SQL-hostile text, decimals, 64-bit integers, dates, timestamps with
     * microseconds, booleans, every byte value, empty values and NULLs.
     */
    protected static final List<List<Object>> SAMPLE_ROWS = List.of(
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

    private static final Instant FIRST_BACKUP_TIME = Instant.parse("2024-01-15T12:00:00Z");

    /** The folder that serves as the remote. */
    @TempDir
    protected Path remoteFolder;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private int facades;

    /** A new, empty database for this call alone, configured as an application would configure it. */
    protected abstract DatabaseSettings newDatabase() throws Exception;

    /** The id of the connector the entries of {@link #newDatabase()} must resolve to, e.g. {@code postgresql}. */
    protected abstract String expectedConnectorId();

    /** The connector instances to register with the facade, e.g. the custom connector under test; none by default. */
    protected List<Connector> connectors() {
        return List.of();
    }

    /**
     * The settings around the database entry; the contract sets the remote and the database. Override
     * to add, say, a {@code connector-mapping} for a custom engine.
     */
    protected Settings.Builder configure(Settings.Builder settings) {
        return settings;
    }

    /**
     * An entry for {@code working}'s data that the connector cannot dump: by default the same with
     * a wrong password. Engines without passwords override it.
     */
    protected DatabaseSettings brokenDatabase(DatabaseSettings working) throws Exception {
        return working.toBuilder().password(working.password() + "-wrong").build();
    }

    /** A JDBC connection to {@code database} with its own credentials; needed unless the sample methods are overridden. */
    protected Connection connect(DatabaseSettings database) throws SQLException {
        throw new UnsupportedOperationException(
                getClass().getName() + " must override connect and createSampleTable, or the sample methods");
    }

    /**
     * {@code CREATE TABLE sample (id, label, amount, big, born, seen_at, active, payload, note)}
     * in this engine's types: integer key, text, decimal with two places, 64-bit integer, date,
     * timestamp with microseconds, boolean, binary, text. Needed unless the sample methods are overridden.
     */
    protected String createSampleTable() {
        throw new UnsupportedOperationException(
                getClass().getName() + " must override connect and createSampleTable, or the sample methods");
    }

    /** Binds one sample value; engines without a native type for it override this. */
    protected void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value);
    }

    /** Reads one sample value as {@code type}; engines without a native type for it override this. */
    protected Object read(ResultSet rows, int index, Class<?> type) throws SQLException {
        Object value = type == byte[].class ? rows.getBytes(index) : rows.getObject(index, type);
        return rows.wasNull() ? null : value;
    }

    /** Puts the sample into the empty {@code database}: by default the sample table and {@link #SAMPLE_ROWS}. */
    protected void writeSample(DatabaseSettings database) throws Exception {
        try (Connection connection = connect(database)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(createSampleTable());
            }
            for (List<Object> row : SAMPLE_ROWS) {
                insert(connection, row);
            }
        }
    }

    /** Changes every kind of thing a restore must undo: by default an update, a delete and an insert. */
    protected void changeSample(DatabaseSettings database) throws Exception {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE sample SET label = 'changed', note = NULL WHERE id = 1");
            statement.executeUpdate("DELETE FROM sample WHERE id = 2");
        }
        try (Connection connection = connect(database)) {
            insert(connection, Arrays.asList(99L, "added after the backup", null, null, null, null, null, null, null));
        }
    }

    /** The sample as found in {@code database}, comparable with {@code equals}: by default its rows by id. */
    protected Object readSample(DatabaseSettings database) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = connect(database);
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

    /** What {@link #readSample} returns right after {@link #writeSample}: by default {@link #SAMPLE_ROWS}. */
    protected Object expectedSample() {
        return normalized(SAMPLE_ROWS);
    }

    @Test
    void theEntryResolvesToTheExpectedConnector() throws Exception {
        IOException marker = new IOException("the connector " + expectedConnectorId() + " was chosen");
        RcloneBackup probing = facade(newDatabase(), new MarkerConnector(expectedConnectorId(), marker));

        assertThatThrownBy(() -> probing.dbBackup(DATABASE, false))
                .as("a backup with a stand-in registered as %s", expectedConnectorId())
                .isInstanceOf(RcloneBackupException.class)
                .hasCause(marker);
    }

    @Test
    void roundTripRestoresTheSampleIntoTheChangedDatabase() throws Exception {
        DatabaseSettings database = newDatabase();
        writeSample(database);
        assertThat(readSample(database)).as("the sample before the backup").isEqualTo(expectedSample());

        DbBackupResult backup = backUp(database);
        changeSample(database);
        assertThat(readSample(database)).as("the changed sample").isNotEqualTo(expectedSample());
        restore(database, backup);

        assertThat(readSample(database)).isEqualTo(expectedSample());
    }

    @Test
    void roundTripRestoresIntoAnEmptyDatabase() throws Exception {
        DatabaseSettings source = newDatabase();
        writeSample(source);
        DbBackupResult backup = backUp(source);

        DatabaseSettings target = newDatabase();
        restore(target, backup);

        assertThat(readSample(target)).isEqualTo(expectedSample());
    }

    @Test
    void theBackupIsStoredUnderItsNameAndNothingElseRemains() throws Exception {
        DatabaseSettings database = newDatabase();
        writeSample(database);

        DbBackupResult backup = backUp(database);

        assertThat(backup.database()).isEqualTo(DATABASE);
        assertThat(remoteFolder.resolve(backup.path())).isNotEmptyFile();
        assertThat(filesOnTheRemote()).containsExactly(remoteFolder.resolve(backup.path()));
        assertThat(backup.size()).isEqualTo(Files.size(remoteFolder.resolve(backup.path())));
    }

    @Test
    void noPasswordIsOnAnyCommandLine() throws Exception {
        DatabaseSettings database = newDatabase();
        writeSample(database);
        output.clear();

        restore(database, backUp(database));

        List<String> commandLines =
                output.stream().filter(line -> line.startsWith("Running: ")).toList();
        assertThat(commandLines).as("the command lines the facade reports").isNotEmpty();
        assertThat(commandLines)
                .as("command lines with a credential hidden by the facade")
                .noneMatch(line -> line.contains(MASK));
        if (database.password() != null && !database.password().isEmpty()) {
            assertThat(output).noneMatch(line -> line.contains(database.password()));
        }
    }

    @Test
    void aFailedDumpFailsTheBackupAndLeavesNothingOnTheRemote() throws Exception {
        DatabaseSettings database = newDatabase();
        writeSample(database);
        RcloneBackup broken = facade(brokenDatabase(database));

        assertThatThrownBy(() -> broken.dbBackup(DATABASE, false)).isInstanceOf(RcloneBackupException.class);

        assertThat(filesOnTheRemote()).isEmpty();
        assertThat(readSample(database)).isEqualTo(expectedSample());
    }

    /**
     * Puts {@code backup} on the remote under a valid backup name of a database holding the sample,
     * restores it through the facade, expects the restore to fail with an {@link RcloneBackupException},
     * and checks the sample is still there unchanged.
     */
    protected void assertFailedRestoreLeavesDataUnchanged(byte[] backup) throws Exception {
        DatabaseSettings database = newDatabase();
        writeSample(database);
        DbBackupResult stored = backUp(database);
        Files.write(remoteFolder.resolve(stored.path()), backup);

        assertThatThrownBy(() -> restore(database, stored))
                .as("restore of a broken backup")
                .isInstanceOf(RcloneBackupException.class);
        assertThat(readSample(database)).isEqualTo(expectedSample());
    }

    /** Backs {@code database} up through the facade, checking it succeeded; its file is {@code remoteFolder.resolve(path())}. */
    protected DbBackupResult backUp(DatabaseSettings database) {
        return facade(database).dbBackup(DATABASE, false);
    }

    /** The bytes the backup of {@code database} stores, for tests that tamper with them. */
    protected byte[] backupBytes(DatabaseSettings database) throws IOException {
        return Files.readAllBytes(remoteFolder.resolve(backUp(database).path()));
    }

    /** Restores {@code backup} into {@code database} through the facade. */
    protected DbRestoreResult restore(DatabaseSettings database, DbBackupResult backup) {
        String name = Path.of(backup.path()).getFileName().toString();
        DbRestoreResult restored = facade(database).dbRestore(DATABASE, name, RestoreConfirmation.ALWAYS);
        assertThat(restored.cancelled()).isFalse();
        return restored;
    }

    /**
     * A facade over the remote folder with {@code database} as {@value #DATABASE}, the {@link #connectors()}
     * and then {@code extra} registered, and a reporter that records every line. Each facade's clock is a
     * minute later than the previous one's, so that backups never share a name and the last is the newest.
     */
    protected RcloneBackup facade(DatabaseSettings database, Connector... extra) {
        Settings settings = configure(Settings.builder().remote(remoteFolder.toString()))
                .database(DATABASE, database)
                .build();
        RcloneBackup.Builder builder = RcloneBackup.configure()
                .settings(settings)
                .serviceLoaderListeners(false)
                .reporter(new RecordingReporter())
                .clock(Clock.fixed(FIRST_BACKUP_TIME.plusSeconds(60L * facades++), ZoneOffset.UTC));
        connectors().forEach(builder::connector);
        Arrays.stream(extra).forEach(builder::connector);
        return builder.load();
    }

    /** Every line the facades of this test reported, in order. */
    protected List<String> output() {
        return List.copyOf(output);
    }

    private List<Path> filesOnTheRemote() throws IOException {
        try (Stream<Path> files = Files.walk(remoteFolder)) {
            return files.filter(Files::isRegularFile).toList();
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

    /** Keeps every line the facade reports, tool output included. */
    private final class RecordingReporter implements Reporter {
        @Override
        public void info(String message) {
            output.add(message);
        }

        @Override
        public void detail(String message) {
            output.add(message);
        }

        @Override
        public void toolOutput(String tool, String line) {
            output.add(line);
        }
    }

    /** Stands in for the connector registered as {@code id}: its dump fails with {@code marker}. */
    private record MarkerConnector(String id, IOException marker) implements Connector {
        @Override
        public String extension() {
            return "marker";
        }

        @Override
        public Dump dump(Database database) throws IOException {
            throw marker;
        }

        @Override
        public Restore restore(Database database) throws IOException {
            throw marker;
        }
    }
}
