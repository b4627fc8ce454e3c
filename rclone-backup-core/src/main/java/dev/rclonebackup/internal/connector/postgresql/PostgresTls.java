package dev.rclonebackup.internal.connector.postgresql;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TLS settings of a PostgreSQL JDBC URL, as libpq's environment for {@code pg_dump},
 * {@code pg_restore} and {@code psql}: {@code sslmode}, {@code sslrootcert}, {@code sslcert} and
 * {@code sslkey} become {@code PGSSLMODE}, {@code PGSSLROOTCERT}, {@code PGSSLCERT} and
 * {@code PGSSLKEY}; {@code ssl=true} without {@code sslmode} means {@code verify-full}, as in the
 * JDBC driver. Any other parameter is a configuration error rather than silently dropped.
 */
final class PostgresTls {
    private static final Set<String> KNOWN =
            Set.of("user", "password", "ssl", "sslmode", "sslrootcert", "sslcert", "sslkey");
    private static final Set<String> MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private PostgresTls() {}

    static Map<String, String> environment(Database database) {
        database.requireKnownUrlParameters(KNOWN, "postgresql");
        Map<String, String> parameters = database.urlParameters();
        Map<String, String> environment = new LinkedHashMap<>();
        String ssl = parameters.get("ssl");
        String mode = parameters.get("sslmode");
        if (mode != null) {
            if (!MODES.contains(mode.toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException("databases." + database.alias() + ".url: sslmode '" + mode
                        + "' is not one of " + String.join(", ", new TreeSet<>(MODES)) + ".");
            }
            environment.put("PGSSLMODE", mode.toLowerCase(Locale.ROOT));
        } else if (ssl != null && (ssl.isEmpty() || ssl.equalsIgnoreCase("true"))) {
            environment.put("PGSSLMODE", "verify-full");
        }
        put(environment, "PGSSLROOTCERT", parameters.get("sslrootcert"));
        put(environment, "PGSSLCERT", parameters.get("sslcert"));
        put(environment, "PGSSLKEY", parameters.get("sslkey"));
        return environment;
    }

    private static void put(Map<String, String> environment, String variable, String value) {
        if (value != null && !value.isEmpty()) {
            environment.put(variable, value);
        }
    }
}
