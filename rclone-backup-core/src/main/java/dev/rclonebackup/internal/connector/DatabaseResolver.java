package dev.rclonebackup.internal.connector;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.DatabaseUrl;
import dev.rclonebackup.settings.DatabaseSettings;
import java.util.Locale;

/**
 * Turns a {@code databases.<alias>} entry into a {@link Database}: the URL parsed, then the
 * discrete keys ({@code engine}, {@code name}, {@code host}, {@code port}) and the entry's
 * {@code username}/{@code password} applied over it.
 */
final class DatabaseResolver {
    private DatabaseResolver() {}

    static Database resolve(String alias, DatabaseSettings entry) {
        String key = "databases." + alias;
        DatabaseUrl url = entry.url() == null
                ? new DatabaseUrl(null, null, null, null, null, null)
                : DatabaseUrl.parse(entry.url(), key + ".url");
        String engine = firstNonNull(entry.engine(), url.engine());
        if (engine == null || engine.isBlank()) {
            throw ConfigurationException.forKey(key, "needs a url or an engine.");
        }
        String name = firstNonNull(entry.name(), url.name());
        if (name == null || name.isBlank()) {
            throw ConfigurationException.forKey(
                    key,
                    "names no database" + (engine.equals("sqlite") ? " file" : "")
                            + (entry.url() == null
                                    ? "; set " + key + ".name."
                                    : "; add it to the url or set " + key + ".name."));
        }
        return new Database(
                alias,
                engine.toLowerCase(Locale.ROOT),
                firstNonNull(entry.host(), url.host()),
                firstNonNull(entry.port(), url.port()),
                name,
                firstNonNull(entry.username(), url.username()),
                firstNonNull(entry.password(), url.password()),
                entry.url(),
                entry.options());
    }

    private static <T> T firstNonNull(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
