package dev.rclonebackup.testing.contract;

import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connector contract on a real PostgreSQL 15 with Debian's PostGIS 3, as an application role
 * that is not a superuser; the server's superuser is the admin user that creates the extension.
 */
class PostgisContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String POSTGIS_TEMPLATE = "contract_gis_template";
    private static boolean postgisTemplateCreated;

    private final PostgresServer server = PostgresServer.shared();

    /** A database with PostGIS, copied from a template because creating PostGIS takes seconds. */
    @Override
    protected DatabaseSettings newDatabase() {
        String name = "contract_gis_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createRole(name, password);
        superuserStatement("postgres", "CREATE DATABASE " + name + " TEMPLATE " + postgisTemplate() + " OWNER " + name);
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .engine("postgis")
                .username(name)
                .password(password)
                .option("admin-user", server.superuser())
                .option("admin-password", server.superuserPassword())
                .build();
    }

    private static synchronized String postgisTemplate() {
        if (!postgisTemplateCreated) {
            superuserStatement("postgres", "CREATE DATABASE " + POSTGIS_TEMPLATE);
            superuserStatement(POSTGIS_TEMPLATE, "CREATE EXTENSION postgis");
            postgisTemplateCreated = true;
        }
        return POSTGIS_TEMPLATE;
    }

    private static void superuserStatement(String database, String sql) {
        try (Connection connection = PostgresServer.shared().connectAsSuperuser(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test setup failed: " + sql, e);
        }
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
