package dev.rclonebackup.connector;

import dev.rclonebackup.settings.Settings;

import java.util.Map;

/**
 * Finds the connector of a configured database: {@code connectors[alias]}, else
 * {@code connector-mapping[engine]} merged over the built-in mapping, else a configuration error
 * naming the engine. A connector is named by built-in id ({@code postgresql}, {@code mysql},
 * {@code sqlite}, …), by the id of one found with {@link java.util.ServiceLoader}, or by class name.
 */
public final class ConnectorRegistry {
    private final Settings settings;
    private final Map<String, Connector> registered;

    /**
     * @param registered connectors registered through the API, by id; they win over ServiceLoader
     *                   and built-ins of the same id
     */
    public ConnectorRegistry(Settings settings, Map<String, Connector> registered) {
        this.settings = settings;
        this.registered = Map.copyOf(registered);
    }

    /**
     * The resolved database {@code alias}: URL parsed, discrete keys and credentials applied.
     *
     * @throws dev.rclonebackup.ConfigurationException when the alias is not configured
     *         (naming the configured ones) or the entry cannot be resolved
     */
    public Database database(String alias) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The connector for {@code database}. */
    public Connector connectorFor(Database database) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
