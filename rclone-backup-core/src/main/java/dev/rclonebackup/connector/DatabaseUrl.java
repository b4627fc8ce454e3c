package dev.rclonebackup.connector;

import dev.rclonebackup.ConfigurationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a configured database URL that the dump tools need. Understands
 * {@code jdbc:<engine>://[user[:password]@]host[:port]/name[?user=…&password=…]} (PostgreSQL,
 * MySQL, MariaDB and any other engine written that way), {@code jdbc:postgresql:name},
 * {@code jdbc:sqlite:FILE}, {@code jdbc:h2:…} and {@code mongodb://…}. User names and passwords
 * are percent-decoded ({@code +} stays a plus sign). Error messages never repeat the URL, which
 * may hold a password.
 *
 * @param engine   lower-case engine id, e.g. {@code postgresql}
 * @param name     the database name or file, or {@code null} when the URL has none
 */
public record DatabaseUrl(String engine, String host, Integer port, String name, String username, String password) {
    private static final String JDBC = "jdbc:";

    /**
     * @param key the configuration key of the URL, for error messages ({@code databases.x.url})
     * @throws ConfigurationException when {@code url} is not a database URL this tool understands
     */
    public static DatabaseUrl parse(String url, String key) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://")) {
            return hierarchical("mongodb", url.substring(url.indexOf("//") + 2), key);
        }
        int colon = url.indexOf(':', JDBC.length());
        if (!lower.startsWith(JDBC) || colon < 0) {
            throw ConfigurationException.forKey(
                    key,
                    "is neither a JDBC URL (jdbc:postgresql://…, jdbc:mysql://…, "
                            + "jdbc:sqlite:…) nor a mongodb:// URL.");
        }
        String engine = lower.substring(JDBC.length(), colon);
        String rest = url.substring(colon + 1);
        switch (engine) {
            case "sqlite":
                return sqlite(rest);
            case "h2":
                return h2(rest, key);
            default:
                if (rest.startsWith("//")) {
                    return hierarchical(engine, rest.substring(2), key);
                }
                if (engine.equals("postgresql")) {
                    return withoutHost(engine, rest);
                }
                throw ConfigurationException.forKey(key, "must look like jdbc:" + engine + "://host:port/database.");
        }
    }

    /** {@code authority/name?query}, the shape shared by most JDBC drivers and MongoDB. */
    private static DatabaseUrl hierarchical(String engine, String afterSlashes, String key) {
        int queryStart = indexOrEnd(afterSlashes, '?');
        String query = afterSlashes.substring(Math.min(queryStart + 1, afterSlashes.length()));
        String beforeQuery = afterSlashes.substring(0, queryStart);
        int pathStart = indexOrEnd(beforeQuery, '/');
        String authority = beforeQuery.substring(0, pathStart);
        String path = pathStart < beforeQuery.length() ? beforeQuery.substring(pathStart + 1) : "";

        String username = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int separator = userInfo.indexOf(':');
            username = decode(separator < 0 ? userInfo : userInfo.substring(0, separator));
            password = separator < 0 ? null : decode(userInfo.substring(separator + 1));
        }
        Map<String, String> parameters = queryParameters(query);
        username = parameters.getOrDefault("user", username);
        password = parameters.getOrDefault("password", password);
        if (authority.contains(",")) {
            if (engine.equals("mongodb")) {
                // A replica set: the MongoDB tools take the whole URL and pick the member themselves.
                return new DatabaseUrl(engine, authority, null, emptyToNull(decode(path)), username, password);
            }
            throw ConfigurationException.forKey(key, "names several hosts; a backup needs exactly one.");
        }
        String host = authority;
        Integer port = null;
        int portSeparator = authority.lastIndexOf(':');
        if (portSeparator >= 0 && portSeparator > authority.lastIndexOf(']')) {
            host = authority.substring(0, portSeparator);
            port = port(authority.substring(portSeparator + 1), key);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new DatabaseUrl(engine, emptyToNull(host), port, emptyToNull(decode(path)), username, password);
    }

    /** {@code jdbc:postgresql:name}: the driver's default host and port. */
    private static DatabaseUrl withoutHost(String engine, String rest) {
        int queryStart = indexOrEnd(rest, '?');
        Map<String, String> parameters = queryParameters(rest.substring(Math.min(queryStart + 1, rest.length())));
        return new DatabaseUrl(
                engine,
                null,
                null,
                emptyToNull(decode(rest.substring(0, queryStart))),
                parameters.get("user"),
                parameters.get("password"));
    }

    /**
     * The parameters of a JDBC URL's query string ({@code ?sslmode=…&…}), decoded, in order,
     * without {@code user} and {@code password}; empty for a URL without a query. The connectors
     * that pass these on to their tools refuse those they do not know.
     */
    public static Map<String, String> parameters(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(JDBC) || url.indexOf('?') < 0) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>(queryParameters(url.substring(url.indexOf('?') + 1)));
        parameters.remove("user");
        parameters.remove("password");
        return parameters;
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                parameters.put(parameter.substring(0, equals), decode(parameter.substring(equals + 1)));
            } else if (!parameter.isEmpty()) {
                parameters.put(parameter, "");
            }
        }
        return parameters;
    }

    /** {@code jdbc:sqlite:FILE}, {@code jdbc:sqlite:file:FILE?mode=…}; in-memory databases have no file. */
    private static DatabaseUrl sqlite(String rest) {
        String file = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        file = file.substring(0, indexOrEnd(file, '?'));
        boolean inMemory = file.isEmpty() || file.equals(":memory:") || file.startsWith(":resource:");
        return new DatabaseUrl("sqlite", null, null, inMemory ? null : file, null, null);
    }

    /** {@code jdbc:h2:[file:|tcp://host:port/]PATH[;USER=…;PASSWORD=…]}; an in-memory database is refused. */
    private static DatabaseUrl h2(String rest, String key) {
        String[] parts = rest.split(";");
        String location = parts[0];
        String username = null;
        String password = null;
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String setting =
                    equals < 0 ? parts[i] : parts[i].substring(0, equals).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? "" : parts[i].substring(equals + 1);
            if (setting.equals("USER")) {
                username = value;
            } else if (setting.equals("PASSWORD")) {
                password = value;
            }
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://") || lower.startsWith("ssl://")) {
            DatabaseUrl remote = hierarchical("h2", location.substring(6), key);
            return new DatabaseUrl("h2", remote.host(), remote.port(), remote.name(), username, password);
        }
        if (lower.startsWith("mem:") || lower.startsWith("memfs:") || lower.startsWith("memlzf:")) {
            throw ConfigurationException.forKey(
                    key,
                    "is the in-memory H2 database jdbc:h2:" + location
                            + ", which lives inside the one JVM that created it, so rclone-backup cannot reach it: "
                            + "use a file database (jdbc:h2:file:PATH) or serve it through an H2 TCP server (jdbc:h2:tcp://HOST/mem:NAME)");
        }
        String file = lower.startsWith("file:") ? location.substring("file:".length()) : location;
        return new DatabaseUrl("h2", null, null, emptyToNull(file), username, password);
    }

    private static Integer port(String text, String key) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw ConfigurationException.forKey(key, "has an invalid port '" + text + "'.");
    }

    /**
     * Percent-decoding as in URIs: unlike form decoding, {@code +} stays a plus sign. Text that
     * is not well-formed (a lone {@code %}) is taken literally.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    private static int indexOrEnd(String text, char c) {
        int index = text.indexOf(c);
        return index < 0 ? text.length() : index;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[engine=" + engine + ", host=" + host + ", port=" + port + ", name=" + name + ", username="
                + username + ", password=" + (password == null ? "null" : "****") + "]";
    }
}
