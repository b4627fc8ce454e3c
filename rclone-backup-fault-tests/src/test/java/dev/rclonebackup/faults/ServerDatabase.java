package dev.rclonebackup.faults;

import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database and its own non-superuser account on the shared PostgreSQL or MariaDB test
 * server, with a table {@code item(id, label)}; read back through JDBC to prove what a restore
 * did or did not change.
 */
final class ServerDatabase {
    /** Which server a database lives on. */
    enum Engine {
        POSTGRESQL,
        MARIADB
    }

    private final Engine engine;
    private final String name;
    private final String user;
    private final String password;

    private ServerDatabase(Engine engine, String name, String user, String password) {
        this.engine = engine;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** A new database owned by a new account logging in with {@code password}, holding {@code rows} rows. */
    static ServerDatabase create(Engine engine, String password, int rows) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String name = "faults_" + suffix;
        String user = "app_" + suffix;
        if (engine == Engine.POSTGRESQL) {
            PostgresServer server = PostgresServer.shared();
            server.createRole(user, password);
            server.createDatabase(name, user);
        } else {
            MariaDbServer server = MariaDbServer.shared();
            server.createDatabase(name);
            server.createUser(user, password);
            server.grantAll(name, user);
            server.grantRestoreScratch(name, user);
        }
        ServerDatabase database = new ServerDatabase(engine, name, user, password);
        database.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, label VARCHAR(100) NOT NULL)");
        database.execute(
                engine == Engine.POSTGRESQL
                        ? "INSERT INTO item SELECT i, md5(i::text) FROM generate_series(1, " + rows + ") AS i"
                        : "INSERT INTO item SELECT seq, md5(seq) FROM seq_1_to_" + rows);
        return database;
    }

    String jdbcUrl() {
        return engine == Engine.POSTGRESQL
                ? PostgresServer.shared().jdbcUrl(name)
                : MariaDbServer.shared().jdbcUrl(name);
    }

    /** The {@code databases:} block naming this database {@code default}. */
    String configBlock() {
        return Sandbox.urlDatabase(jdbcUrl(), user, password);
    }

    String user() {
        return user;
    }

    void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(engine + " refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A fingerprint of the table: row count, and the labels in id order, digested; "no table" when it is gone. */
    String content() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, label FROM item ORDER BY id")) {
            int count = 0;
            long digest = 17;
            while (rows.next()) {
                count++;
                digest = digest * 31 + rows.getInt(1) * 7L + rows.getString(2).hashCode();
            }
            return count + " rows, digest " + Long.toHexString(digest);
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The MariaDB scratch databases of this database's restores that still exist. */
    java.util.List<String> scratchDatabases() {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SHOW DATABASES LIKE '" + name.replace("_", "\\_") + "\\_restore\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases: " + e.getMessage(), e);
        }
        return names;
    }

    /** Lets this database's account create databases (PostgreSQL's CREATEDB; MariaDB: its verify databases). */
    void allowCreatingDatabases() {
        if (engine == Engine.POSTGRESQL) {
            asSuperuser("ALTER ROLE " + user + " CREATEDB");
        } else {
            asSuperuser(
                    "GRANT ALL PRIVILEGES ON `" + name.replace("_", "\\_") + "\\_verify\\_%`.* TO '" + user + "'@'%'");
        }
    }

    /** The scratch databases of this database's verifies ({@code NAME_verify_…}) that still exist. */
    java.util.List<String> verifyDatabases() {
        String pattern = "'" + name.replace("_", "\\_") + "\\_verify\\_%'";
        String sql = engine == Engine.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE " + pattern
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE " + pattern;
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection connection = superuser();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases: " + e.getMessage(), e);
        }
        return names;
    }

    private void asSuperuser(String sql) {
        try (Connection connection = superuser();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(engine + " refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection superuser() throws SQLException {
        return engine == Engine.POSTGRESQL
                ? PostgresServer.shared().connectAsSuperuser("postgres")
                : MariaDbServer.shared().connectAsSuperuser("");
    }

    private Connection connect() throws SQLException {
        return engine == Engine.POSTGRESQL
                ? PostgresServer.shared().connect(name, user, password)
                : MariaDbServer.shared().connect(name, user, password);
    }
}
