package dev.rclonebackup.testing.contract;

import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connector contract on a real PostgreSQL 15 with Debian's PostGIS 3, as an application role
 * that is not a superuser; the server's superuser is the admin user that creates the extension.
 */
class PostgisContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final PostgresServer server = PostgresServer.shared();

    /** A database with PostGIS, created by the superuser. */
    @Override
    protected DatabaseSettings newDatabase() {
        String name = "contract_gis_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createRole(name, password);
        server.createPostgisDatabase(name, name);
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .engine("postgis")
                .username(name)
                .password(password)
                .option("admin-user", server.superuser())
                .option("admin-password", server.superuserPassword())
                .build();
    }

    /** Each database is named after its owner. */
    @Override
    protected Connection connect(DatabaseSettings database) throws SQLException {
        return server.connect(database.username(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return PostgresqlContractTest.SAMPLE_TABLE;
    }

    @Override
    protected String expectedConnectorId() {
        return "postgis";
    }

    @Test
    void aRestoreOfGarbageLeavesTheDataAsItWas() throws Exception {
        assertFailedRestoreLeavesDataUnchanged("this is not a pg_dump archive\n".getBytes(StandardCharsets.UTF_8));
    }
}
