package dev.rclonebackup.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** What the throwaway database servers share: a loopback address, a port, a superuser and JDBC access. */
public abstract class LoopbackServer implements AutoCloseable {
    private final String jdbcScheme;
    private final String superuser;
    private final int port;
    private final String superuserPassword;

    LoopbackServer(String jdbcScheme, String superuser, int port, String superuserPassword) {
        this.jdbcScheme = jdbcScheme;
        this.superuser = superuser;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The superuser's name, for setting up databases, roles and users. */
    public String superuser() {
        return superuser;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** {@code jdbc:SCHEME://127.0.0.1:PORT/database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:" + jdbcScheme + "://" + host() + ":" + port + "/" + database;
    }

    /** A JDBC connection to {@code database} as {@code user}, over TCP with password authentication. */
    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** A JDBC connection to {@code database} as the superuser. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return connect(database, superuser, superuserPassword);
    }

    /** Stops the server and deletes its folders. */
    @Override
    public abstract void close();
}
