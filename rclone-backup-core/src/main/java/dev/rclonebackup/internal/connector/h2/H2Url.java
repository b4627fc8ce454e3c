package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.regex.Pattern;

/**
 * The JDBC URL of an H2 database entry: the configured {@code url}, or one built from {@code host},
 * {@code port} and {@code name}. Only databases another process can open are accepted: files
 * ({@code jdbc:h2:file:…}, {@code jdbc:h2:./…}, {@code jdbc:h2:/…}) and servers
 * ({@code jdbc:h2:tcp://…}, {@code jdbc:h2:ssl://…}).
 */
final class H2Url {
    static final String PREFIX = "jdbc:h2:";
    private static final Pattern IN_MEMORY = Pattern.compile("^(mem|memFS|memLZF):.*");
    private static final Pattern SERVER = Pattern.compile("^(tcp|ssl)://[^/]+/(.*)$");

    private H2Url() {}

    /**
     * @throws ConfigurationException when the entry names no database, is not an H2 URL, or names an
     *                                in-memory database
     */
    static String of(Database database) {
        String url = database.url() != null ? database.url() : fromParts(database);
        if (!url.startsWith(PREFIX)) {
            throw new ConfigurationException("Database '" + database.alias() + "' has a " + scheme(url)
                    + " URL, which is not an H2 URL (jdbc:h2:…)");
        }
        String target = url.substring(PREFIX.length()).split(";", 2)[0];
        if (IN_MEMORY.matcher(target).matches()) {
            throw new ConfigurationException(
                    "Database '" + database.alias() + "' is the in-memory H2 database "
                            + PREFIX + target
                            + ", which lives only inside the JVM that created it and cannot be backed up"
                            + " from outside: use a file database, or serve it through an H2 TCP server (jdbc:h2:tcp://host/mem:name)");
        }
        var server = SERVER.matcher(target);
        String path = server.matches() ? server.group(2) : target;
        if (path.isBlank() || target.matches("^(tcp|ssl)://[^/]*$")) {
            throw new ConfigurationException(
                    "Database '" + database.alias() + "' has no database name or file in its H2 URL");
        }
        return url;
    }

    /** {@code jdbc:postgresql} for {@code jdbc:postgresql://…}: enough to name it without showing credentials. */
    private static String scheme(String url) {
        var scheme = Pattern.compile("^(jdbc:)?[A-Za-z0-9+.-]*").matcher(url);
        return scheme.find() ? scheme.group() : "non-JDBC";
    }

    private static String fromParts(Database database) {
        String name = database.name();
        if (name == null || name.isBlank()) {
            throw new ConfigurationException(
                    "Database '" + database.alias() + "' needs a 'url' or a 'name' (the H2 database file)");
        }
        if (database.host() == null) {
            return PREFIX + "file:" + name;
        }
        String port = database.port() == null ? "" : ":" + database.port();
        return PREFIX + "tcp://" + database.host() + port + "/" + name;
    }
}
