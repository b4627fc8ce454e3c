package dev.rclonebackup.testing.contract;

import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.Passwords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract on real H2 file databases, dumped and restored inside the JVM. */
class H2ContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path databaseFolder;

    /** An empty file database, created by opening it once. */
    @Override
    protected DatabaseSettings newDatabase() throws SQLException {
        DatabaseSettings database = DatabaseSettings.builder()
                .url("jdbc:h2:" + databaseFolder.resolve("app-" + DATABASES.incrementAndGet()))
                .username("sa")
                .password(Passwords.random())
                .build();
        connect(database).close();
        return database;
    }

    @Override
    protected Connection connect(DatabaseSettings database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return "CREATE TABLE sample (id BIGINT PRIMARY KEY, label VARCHAR, amount DECIMAL(12, 2), big BIGINT,"
                + " born DATE, seen_at TIMESTAMP(6), active BOOLEAN, payload VARBINARY, note VARCHAR)";
    }

    @Override
    protected String expectedConnectorId() {
        return "h2";
    }
}
