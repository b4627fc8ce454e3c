package dev.rclonebackup.connector;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A configured database resolved for a connector: the URL (if any) parsed into engine, host,
 * port and name, with {@code username}/{@code password} from the entry winning over those in
 * the URL. {@link #toString()} never shows the password.
 *
 * @param alias    the database alias from the configuration (part of backup file names)
 * @param engine   engine id, e.g. {@code postgresql}, {@code mysql}, {@code sqlite}
 * @param host     host name or address, or {@code null} for the tool's default
 * @param port     port, or {@code null} for the tool's default
 * @param name     database name, or the database file for file-based engines
 * @param username user name, or {@code null}
 * @param password password, or {@code null}; never to be put on a command line
 * @param url      the URL as configured, or {@code null}
 * @param options  connector-specific options; values are strings or lists of strings
 */
public record Database(
        String alias,
        String engine,
        String host,
        Integer port,
        String name,
        String username,
        String password,
        String url,
        Map<String, Object> options) {

    public Database {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A string option, or {@code null} when absent. */
    public String option(String key) {
        Object value = options.get(key);
        return value == null ? null : value.toString();
    }

    /** A list option ({@code dump-args}, {@code restore-args}); a single string counts as one item. */
    public List<String> listOption(String key) {
        Object value = options.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    /**
     * A duration option ({@code 30s}, {@code 10m}, {@code PT1M}, see {@link Durations}), or
     * {@code fallback} when absent.
     *
     * @throws ConfigurationException naming {@code databases.ALIAS.options.KEY} when it is not a duration
     */
    public Duration durationOption(String key, Duration fallback) {
        String value = option(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.forKey("databases." + alias + ".options." + key, ": " + e.getMessage(), e);
        }
    }

    /**
     * The parameters of the URL's query string other than {@code user} and {@code password}, e.g.
     * {@code sslmode}, decoded, in order; empty without a URL or a query.
     */
    public Map<String, String> urlParameters() {
        return DatabaseUrl.parameters(url);
    }

    /**
     * @throws ConfigurationException naming {@code databases.ALIAS.url} and the first parameter of
     *                                its query string that is not in {@code known}
     */
    public void requireKnownUrlParameters(Set<String> known, String connector) {
        for (String parameter : urlParameters().keySet()) {
            if (!known.contains(parameter)) {
                throw new ConfigurationException("databases." + alias + ".url: the " + connector + " connector does not"
                        + " know the parameter '" + parameter + "' and will not ignore it; it understands "
                        + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    @Override
    public String toString() {
        return "Database[alias=" + alias + ", engine=" + engine + ", host=" + host + ", port=" + port
                + ", name=" + name + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + "]";
    }
}
