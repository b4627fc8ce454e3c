package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import dev.rclonebackup.testing.LoopbackServer;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import dev.rclonebackup.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS settings in the JDBC URL reach the dump and restore tools: against throwaway PostgreSQL and
 * MariaDB servers with TLS on (a CA and a server certificate for 127.0.0.1 made with openssl), a
 * verifying URL works at 127.0.0.1 and is refused under a name the certificate does not cover
 * ({@code localhost}) and by the shared servers, which have TLS off.
 */
@Timeout(300)
class DatabaseTlsTest {
    private static final String PASSWORD = Passwords.random();

    @TempDir
    static Path certificates;

    private static TestCertificates tls;
    private static PostgresServer postgres;
    private static MariaDbServer mariadb;

    @TempDir
    Path remote;

    @BeforeAll
    static void startServers() {
        tls = TestCertificates.create(certificates);
        postgres = PostgresServer.startWithTls(tls);
        mariadb = MariaDbServer.startWithTls(tls);
    }

    @AfterAll
    static void stopServers() {
        if (postgres != null) {
            postgres.close();
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Test
    void postgresqlVerifyFullBacksUpOnlyFromTheServerItsCertificateNames() throws Exception {
        String tlsName = postgresDatabase(postgres);
        String plainName = postgresDatabase(PostgresServer.shared());
        String verifyFull = "?sslmode=verify-full&sslrootcert=" + tls.authority();

        assertBacksUpAndRestores(url(postgres, "127.0.0.1", tlsName) + verifyFull);
        assertThatThrownBy(() -> backUp(url(postgres, "localhost", tlsName) + verifyFull))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("pg_dump")
                .hasMessageContaining("does not match host name");
        assertThatThrownBy(() -> backUp(url(PostgresServer.shared(), "127.0.0.1", plainName) + verifyFull))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("pg_dump")
                .hasMessageContaining("server does not support SSL");
    }

    @Test
    void mariadbVerifyIdentityBacksUpOnlyFromTheServerItsCertificateNames() throws Exception {
        String tlsName = mariadbDatabase(mariadb);
        String plainName = mariadbDatabase(MariaDbServer.shared());
        String verify = "?sslMode=VERIFY_IDENTITY&serverSslCert=" + tls.authority();

        assertBacksUpAndRestores(url(mariadb, "127.0.0.1", tlsName) + verify);
        assertThatThrownBy(() -> backUp(url(mariadb, "localhost", tlsName) + verify))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("mysqldump");
        assertThatThrownBy(() -> backUp(url(MariaDbServer.shared(), "127.0.0.1", plainName) + verify))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("mysqldump")
                .hasMessageContaining("SSL is required, but the server does not support it");
    }

    @Test
    void mariadbUrlsRequiringTlsFailAgainstAServerWithoutIt() throws Exception {
        String tlsName = mariadbDatabase(mariadb);
        String plainName = mariadbDatabase(MariaDbServer.shared());
        String plain = url(MariaDbServer.shared(), "127.0.0.1", plainName);

        assertThatThrownBy(() -> backUp(plain + "?useSSL=true&requireSSL=true&serverSslCert=" + tls.authority()))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("SSL is required, but the server does not support it");
        assertThatThrownBy(() -> backUp(plain + "?sslMode=trust"))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("requires TLS, but the server at 127.0.0.1 does not encrypt the connection");
        assertBacksUpAndRestores(url(mariadb, "localhost", tlsName) + "?sslMode=trust");
    }

    @Test
    void anUnknownUrlParameterIsAConfigurationErrorNamingIt() {
        String plainName = mariadbDatabase(MariaDbServer.shared());

        assertThatThrownBy(() -> backUp(
                        url(MariaDbServer.shared(), "127.0.0.1", plainName) + "?sslMode=trust&sslmode=verify-full"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databases.default.url")
                .hasMessageContaining("'sslmode'");
        assertThatThrownBy(() -> backUp(url(postgres, "127.0.0.1", "app") + "?sslmode=require&useSSL=true"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databases.default.url")
                .hasMessageContaining("'useSSL'");
    }

    private void assertBacksUpAndRestores(String url) throws Exception {
        RcloneBackup backups = backups(url);
        assertThat(Files.size(remote.resolve(backups.dbBackup("default", false).path())))
                .isPositive();
        backups.dbRestore("default", null, RestoreConfirmation.ALWAYS);
    }

    private void backUp(String url) throws Exception {
        backups(url).dbBackup("default", false);
    }

    private RcloneBackup backups(String url) {
        String beforeQuery = url.split("\\?")[0];
        String user = beforeQuery.substring(beforeQuery.lastIndexOf('/') + 1);
        DatabaseSettings database = DatabaseSettings.builder()
                .url(url)
                .username(user)
                .password(PASSWORD)
                .build();
        Settings settings = Settings.builder()
                .remote(remote.toString())
                .database("default", database)
                .build();
        return RcloneBackup.configure()
                .settings(settings)
                .serviceLoaderListeners(false)
                .load();
    }

    private static String url(LoopbackServer server, String host, String database) {
        return server.jdbcUrl(database).replace("//" + server.host() + ":", "//" + host + ":");
    }

    private static String postgresDatabase(PostgresServer server) throws Exception {
        String name = uniqueName();
        server.createRole(name, PASSWORD);
        server.createDatabase(name, name);
        try (Connection connection = server.connect(name, name, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT)");
            statement.execute("INSERT INTO item VALUES (1, 'over TLS')");
        }
        return name;
    }

    private static String mariadbDatabase(MariaDbServer server) {
        String name = uniqueName();
        server.createDatabase(name);
        server.createUser(name, PASSWORD);
        server.grantAll(name, name);
        server.grantRestoreScratch(name, name);
        try (Connection connection = server.connect(name, name, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT)");
            statement.execute("INSERT INTO item VALUES (1, 'over TLS')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return name;
    }

    private static String uniqueName() {
        return "tls_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
