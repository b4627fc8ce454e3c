package dev.rclonebackup.connector;

import dev.rclonebackup.internal.connector.ConnectorRegistry;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.util.Map;

/** A database entry resolved the way the application resolves it, with the connector it maps to. */
record ConfiguredDatabase(Database database, Connector connector) {
    private static final String ALIAS = "default";

    static ConfiguredDatabase of(DatabaseSettings entry) {
        ConnectorRegistry registry = new ConnectorRegistry(
                Settings.builder().remote("backups:").database(ALIAS, entry).build(), Map.of());
        Database database = registry.database(ALIAS);
        return new ConfiguredDatabase(database, registry.connectorFor(database));
    }
}
