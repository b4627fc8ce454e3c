package dev.rclonebackup.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract on a real MariaDB 10.11, as a user with rights on its own database only. */
class MariaDbContractTest extends AbstractConnectorContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected DatabaseSettings newDatabase() {
        MariaDbServer server = MariaDbServer.shared();
        String name = "contract_" + DATABASES.incrementAndGet();
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

    /** Each database is named after its user. */
    @Override
    protected Connection connect(DatabaseSettings database) throws SQLException {
        return MariaDbServer.shared().connect(database.username(), database.username(), database.password());
    }

    @Override
    protected String createSampleTable() {
        return "CREATE TABLE sample (id BIGINT PRIMARY KEY, label TEXT, amount DECIMAL(12, 2), big BIGINT,"
                + " born DATE, seen_at DATETIME(6), active BOOLEAN, payload LONGBLOB, note TEXT)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    protected String expectedConnectorId() {
        return "mysql";
    }

    @Test
    void aBackupCannotRunShellCommands(@TempDir Path folder) throws Exception {
        Path marker = folder.resolve("ran");

        assertFailedRestoreLeavesDataUnchanged(("\\! touch " + marker + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(marker).doesNotExist();
    }
}
