package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.internal.process.ToolNotFoundException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/** Loads the H2 JDBC driver, which is an optional dependency, and opens connections with it. */
final class H2Driver {
    static final String DRIVER_CLASS = "org.h2.Driver";

    private H2Driver() {}

    /**
     * Makes sure the driver is present in {@code loader} (registering it with {@link DriverManager}).
     *
     * @throws ToolNotFoundException when it is not, telling the user how to add it
     */
    static void require(ClassLoader loader) {
        try {
            Class.forName(DRIVER_CLASS, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ToolNotFoundException(
                    "h2",
                    "The H2 JDBC driver (" + DRIVER_CLASS + ") is not on the classpath;"
                            + " add an H2 driver jar (com.h2database:h2) to it, for the command line through RCLONE_BACKUP_CLASSPATH");
        }
    }

    /**
     * Opens {@code database} at {@code url} with its credentials.
     *
     * @param mustExist true to refuse creating a missing database (H2 creates file databases on
     *                  first connection otherwise)
     */
    static Connection connect(Database database, String url, boolean mustExist) throws IOException {
        Properties properties = new Properties();
        if (database.username() != null) {
            properties.setProperty("user", database.username());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        if (mustExist && !url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
            properties.setProperty("IFEXISTS", "TRUE");
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new IOException("cannot open H2 database '" + database.alias() + "': " + H2Messages.of(e), e);
        }
    }
}
