package dev.rclonebackup.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

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
class PostgresqlContractTest extends AbstractConnectorContractTest {
    /** The contract's sample table in PostgreSQL's types; the PostGIS contract uses it too. */
    static final String SAMPLE_TABLE = "CREATE TABLE sample (id BIGINT PRIMARY KEY, label TEXT, amount NUMERIC(12, 2),"
            + " big BIGINT, born DATE, seen_at TIMESTAMP(6), active BOOLEAN, payload BYTEA, note TEXT)";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected DatabaseSettings newDatabase() {
        PostgresServer server = PostgresServer.shared();
        String name = "contract_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createRole(name, password);
        server.createDatabase(name, name);
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(password)
                .build();
    }

    /** Each database is named after its owner. */
    @Override
    protected Connection connect(DatabaseSettings database) throws SQLException {
        return PostgresServer.shared().connect(database.username(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return SAMPLE_TABLE;
    }

    @Override
    protected String expectedConnectorId() {
        return "postgresql";
    }

    @Test
    void theApplicationRoleIsNotASuperuser() throws Exception {
        try (Connection connection = connect(newDatabase());
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
        DatabaseSettings other = newDatabase();
        try (Connection connection = connect(other);
                Statement statement = connection.createStatement()) {
            statement.execute(SAMPLE_TABLE);
            statement.execute(
                    "INSERT INTO sample (id, label) SELECT n, repeat('x', 100) FROM generate_series(1, 1000) n");
        }
        byte[] backup = backupBytes(other);
        // Cut inside the table data, which comes after the schema: the table is dropped and
        // recreated before pg_restore finds the archive truncated.
        byte[] truncated = Arrays.copyOf(backup, backup.length - 20);

        assertFailedRestoreLeavesDataUnchanged(truncated);
    }
}
