package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.postgresql.PostgresqlConnector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The connector contract on a real PostgreSQL 15, as an application role that is not a superuser. */
class PostgresqlConnectorTest extends ConnectorContractTest {
    /** The contract's sample table in PostgreSQL's types; the postgis connector's test uses it too. */
    static final String SAMPLE_TABLE = "CREATE TABLE sample (id BIGINT PRIMARY KEY, label TEXT, amount NUMERIC(12, 2),"
            + " big BIGINT, born DATE, seen_at TIMESTAMP(6), active BOOLEAN, payload BYTEA, note TEXT)";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected DatabaseSettings newDatabase() {
        PostgresServer server = PostgresServer.shared();
        String name = "app_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createRole(name, password);
        server.createDatabase(name, name);
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(password)
                .build();
    }

    @Override
    protected Connection connect(Database database) throws SQLException {
        return PostgresServer.shared().connect(database.name(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return SAMPLE_TABLE;
    }

    @Override
    protected Class<? extends Connector> expectedConnector() {
        return PostgresqlConnector.class;
    }

    @Test
    void theApplicationRoleIsNotASuperuser() throws Exception {
        Configured database = resolve(newDatabase());

        try (Connection connection = connect(database.database());
                Statement statement = connection.createStatement();
                ResultSet role = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean(1)).isFalse();
        }
    }

    @Test
    void aRestoreOfGarbageLeavesTheDataAsItWas() throws Exception {
        assertFailedRestoreLeavesDataUnchanged("this is not a pg_dump archive\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRestoreThatFailsAfterDroppingTheTableIsRolledBack() throws Exception {
        byte[] backup = backUpSample();
        // Cut inside the table data, which comes after the schema: the table is dropped and
        // recreated before pg_restore finds the archive truncated.
        byte[] truncated = Arrays.copyOf(backup, backup.length - 20);

        assertFailedRestoreLeavesDataUnchanged(truncated);
    }

    private byte[] backUpSample() throws Exception {
        Configured source = resolve(newDatabase());
        try (Connection connection = connect(source.database());
                Statement statement = connection.createStatement()) {
            statement.execute(createSampleTable());
            statement.execute(
                    "INSERT INTO sample (id, label) SELECT n, repeat('x', 100) FROM generate_series(1, 1000) n");
        }
        return backUp(source, "other");
    }
}
