package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.mysql.MysqlConnector;
import dev.rclonebackup.process.PipelineResult;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        server.grantRestoreScratch(name, name);
        return DatabaseSettings.builder()
                .url(server.jdbcUrl(name))
                .username(name)
                .password(password)
                .build();
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

    @Test
    void aBackupCannotRunShellCommands(@TempDir Path folder) throws Exception {
        Configured database = resolve(newDatabase());
        Path marker = folder.resolve("ran");
        Files.writeString(remotePath("tampered"), "\\! touch " + marker + "\n");

        PipelineResult restored = restore(database, "tampered");

        assertThat(restored.consumer().succeeded()).isFalse();
        assertThat(marker).doesNotExist();
    }
}
