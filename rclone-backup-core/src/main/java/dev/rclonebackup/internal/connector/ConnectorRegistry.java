package dev.rclonebackup.internal.connector;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Connector;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.internal.connector.h2.H2Connector;
import dev.rclonebackup.internal.connector.mongodb.MongodbConnector;
import dev.rclonebackup.internal.connector.mysql.MysqlConnector;
import dev.rclonebackup.internal.connector.postgis.PostgisConnector;
import dev.rclonebackup.internal.connector.postgresql.PostgresqlConnector;
import dev.rclonebackup.internal.connector.sqlite.SqliteConnector;
import dev.rclonebackup.settings.Settings;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the connector of a configured database: {@code connectors[alias]}, else
 * {@code connector-mapping[engine]} merged over the built-in mapping, else a configuration error
 * naming the engine. A connector is named by built-in id ({@code postgresql}, {@code mysql},
 * {@code sqlite}, …), by the id of one found with {@link java.util.ServiceLoader}, or by class name.
 *
 * <p>When several connectors share an id, one registered through the API wins over one found by
 * {@link ServiceLoader}, which wins over a built-in: adding a connector to the application is a
 * deliberate act, so it may replace a built-in.
 */
public final class ConnectorRegistry {
    private static final Set<String> BUILT_IN =
            Set.of(PostgresqlConnector.ID, PostgisConnector.ID, MysqlConnector.ID, SqliteConnector.ID, "h2", "mongodb");

    private static final Map<String, String> BUILT_IN_MAPPING = Map.of(
            "postgresql", PostgresqlConnector.ID,
            "postgis", PostgisConnector.ID,
            "mysql", MysqlConnector.ID,
            "mariadb", MysqlConnector.ID,
            "sqlite", SqliteConnector.ID,
            "h2", "h2",
            "mongodb", "mongodb");

    private final Settings settings;
    private final Map<String, Connector> registered;
    private final Map<String, Connector> resolved = new ConcurrentHashMap<>();
    private volatile Map<String, Connector> serviceLoaded;

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
        requireConfigured(alias);
        return DatabaseResolver.resolve(alias, settings.databases().get(alias));
    }

    /**
     * @throws ConfigurationException naming the configured databases when {@code alias} is not one
     */
    public void requireConfigured(String alias) {
        if (!settings.databases().containsKey(alias)) {
            String configured = settings.databases().isEmpty()
                    ? "none is configured"
                    : "configured: " + String.join(", ", settings.databases().keySet());
            throw new ConfigurationException(
                    "Database '" + alias + "' is not configured under databases (" + configured + ").");
        }
    }

    /**
     * The connector for {@code database}.
     *
     * @throws ConfigurationException naming the engine when no connector is mapped to it, or
     *         naming the key when the connector it names cannot be found or created
     */
    public Connector connectorFor(Database database) {
        String chosen = settings.connectors().get(database.alias());
        if (chosen != null) {
            return connector(chosen, "connectors." + database.alias());
        }
        Map<String, String> mapping = new LinkedHashMap<>(BUILT_IN_MAPPING);
        mapping.putAll(settings.connectorMapping());
        String mapped = mapping.get(database.engine());
        if (mapped == null) {
            throw new ConfigurationException("No connector handles engine '" + database.engine()
                    + "' of database '" + database.alias() + "'; name one under connector-mapping."
                    + database.engine() + " or connectors." + database.alias() + ".");
        }
        return connector(mapped, "connector-mapping." + database.engine());
    }

    private Connector connector(String idOrClassName, String key) {
        Connector connector = registered.get(idOrClassName);
        if (connector == null) {
            connector = serviceLoaded().get(idOrClassName);
        }
        if (connector == null) {
            connector = resolved.computeIfAbsent(
                    idOrClassName, name -> BUILT_IN.contains(name) ? builtIn(name) : instantiate(name, key));
        }
        return connector;
    }

    private Map<String, Connector> serviceLoaded() {
        Map<String, Connector> found = serviceLoaded;
        if (found == null) {
            found = new LinkedHashMap<>();
            try {
                for (Connector connector : ServiceLoader.load(Connector.class, classLoader())) {
                    found.putIfAbsent(connector.id(), connector);
                }
            } catch (ServiceConfigurationError e) {
                throw new ConfigurationException(
                        "A connector listed in META-INF/services/" + Connector.class.getName() + " cannot be loaded: "
                                + e.getMessage(),
                        e);
            }
            serviceLoaded = found;
        }
        return found;
    }

    /**
     * A new built-in connector. A switch, not a table of constructor references: the JVM links
     * each of those when the table is made, which every command would pay for at start-up.
     */
    private static Connector builtIn(String id) {
        return switch (id) {
            case PostgresqlConnector.ID -> new PostgresqlConnector();
            case PostgisConnector.ID -> new PostgisConnector();
            case MysqlConnector.ID -> new MysqlConnector();
            case SqliteConnector.ID -> new SqliteConnector();
            case "h2" -> new H2Connector();
            case "mongodb" -> new MongodbConnector();
            default -> throw new IllegalArgumentException("Not a built-in connector: " + id);
        };
    }

    private static Connector instantiate(String className, String key) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw ConfigurationException.forKey(
                    key,
                    "names '" + className + "', which is neither a known connector ("
                            + String.join(", ", new TreeSet<>(BUILT_IN))
                            + ") nor a class on the class path.",
                    e);
        }
        if (!Connector.class.isAssignableFrom(type)) {
            throw ConfigurationException.forKey(
                    key, "names class " + className + ", which does not implement " + Connector.class.getName() + ".");
        }
        try {
            return (Connector) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw ConfigurationException.forKey(
                    key, "names class " + className + ", which has no public no-argument constructor.", e);
        } catch (InstantiationException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw ConfigurationException.forKey(
                    key, "names class " + className + ", which cannot be created: " + cause, cause);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ConnectorRegistry.class.getClassLoader();
    }
}
