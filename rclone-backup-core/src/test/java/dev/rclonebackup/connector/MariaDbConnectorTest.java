package dev.rclonebackup.connector;

import dev.rclonebackup.connector.mysql.MysqlConnector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** The connector contract on a real MariaDB 10.11, as a user with rights on its own database only. */
class MariaDbConnectorTest extends ConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected DatabaseSettings newDatabase() {
        MariaDbServer server = MariaDbServer.shared();
        String name = "app_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createDatabase(name);
        server.createUser(name, password);
        server.grantAll(name, name);
        return DatabaseSettings.builder().url(server.jdbcUrl(name)).username(name).password(password).build();
    }

    @Override
    protected Connection connect(Database database) throws SQLException {
        return MariaDbServer.shared().connect(database.name(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return "CREATE TABLE sample (id BIGINT PRIMARY KEY, label TEXT, amount DECIMAL(12, 2), big BIGINT,"
                + " born DATE, seen_at DATETIME(6), active BOOLEAN, payload LONGBLOB, note TEXT)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    protected Class<? extends Connector> expectedConnector() {
        return MysqlConnector.class;
    }
}
