package dev.rclonebackup.internal.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.EchoConnector;
import dev.rclonebackup.internal.connector.h2.H2Connector;
import dev.rclonebackup.internal.connector.mongodb.MongodbConnector;
import dev.rclonebackup.internal.connector.mysql.MysqlConnector;
import dev.rclonebackup.internal.connector.postgis.PostgisConnector;
import dev.rclonebackup.internal.connector.postgresql.PostgresqlConnector;
import dev.rclonebackup.internal.connector.sqlite.SqliteConnector;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {

    private static Settings.Builder settings() {
        return Settings.builder().remote("backups:app");
    }

    private static ConnectorRegistry registry(Settings.Builder settings) {
        return new ConnectorRegistry(settings.build(), Map.of());
    }

    private static DatabaseSettings url(String url) {
        return DatabaseSettings.builder().url(url).build();
    }

    @Test
    void resolvesAUrlEntryWithItsOptions() {
        Settings.Builder settings = settings()
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db:5433/app?user=alice&password=from-url")
                                .option("dump-args", List.of("--exclude-table-data=audit"))
                                .build());

        Database database = registry(settings).database("default");

        assertThat(database)
                .isEqualTo(new Database(
                        "default",
                        "postgresql",
                        "db",
                        5433,
                        "app",
                        "alice",
                        "from-url",
                        "jdbc:postgresql://db:5433/app?user=alice&password=from-url",
                        Map.of("dump-args", List.of("--exclude-table-data=audit"))));
        assertThat(database.listOption("dump-args")).containsExactly("--exclude-table-data=audit");
    }

    @Test
    void entryCredentialsWinOverTheUrls() {
        Settings.Builder settings = settings()
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:mysql://bob:old@db/shop")
                                .username("carol")
                                .password("new")
                                .build());

        Database database = registry(settings).database("default");

        assertThat(database.username()).isEqualTo("carol");
        assertThat(database.password()).isEqualTo("new");
    }

    @Test
    void resolvesDiscreteKeys() {
        Settings.Builder settings = settings()
                .database(
                        "analytics",
                        DatabaseSettings.builder()
                                .engine("SQLite")
                                .name("/var/lib/app/analytics.sqlite3")
                                .build());

        Database database = registry(settings).database("analytics");

        assertThat(database.engine()).isEqualTo("sqlite");
        assertThat(database.name()).isEqualTo("/var/lib/app/analytics.sqlite3");
        assertThat(database.host()).isNull();
        assertThat(database.url()).isNull();
    }

    @Test
    void discreteKeysCompleteAUrl() {
        Settings.Builder settings = settings()
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db/")
                                .name("app")
                                .port(6432)
                                .build());

        Database database = registry(settings).database("default");

        assertThat(database.name()).isEqualTo("app");
        assertThat(database.host()).isEqualTo("db");
        assertThat(database.port()).isEqualTo(6432);
    }

    @Test
    void aUrlWithoutADatabaseNameIsAConfigurationError() {
        Settings.Builder settings = settings().database("default", url("jdbc:postgresql://db:5432/?password=hunter2"));

        assertThatThrownBy(() -> registry(settings).database("default"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databases.default")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anInMemorySqliteDatabaseHasNoFileToBackUp() {
        Settings.Builder settings = settings().database("cache", url("jdbc:sqlite::memory:"));

        assertThatThrownBy(() -> registry(settings).database("cache"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databases.cache")
                .hasMessageContaining("database file");
    }

    @Test
    void anEntryWithoutUrlOrEngineIsAConfigurationError() {
        Settings.Builder settings = settings()
                .database("default", DatabaseSettings.builder().name("app").build());

        assertThatThrownBy(() -> registry(settings).database("default"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databases.default")
                .hasMessageContaining("engine");
    }

    @Test
    void anUnknownAliasNamesTheConfiguredOnes() {
        Settings.Builder settings = settings()
                .database("default", url("jdbc:postgresql://db/app"))
                .database("analytics", url("jdbc:sqlite:/srv/a.db"));

        assertThatThrownBy(() -> registry(settings).database("reports"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'reports'")
                .hasMessageContaining("default, analytics");
    }

    @Test
    void builtInMappingCoversEveryBuiltInEngine() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .database(
                        "gis",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db/maps")
                                .engine("postgis")
                                .build())
                .database("my", url("jdbc:mysql://db/app"))
                .database("maria", url("jdbc:mariadb://db/app"))
                .database("lite", url("jdbc:sqlite:app.db"))
                .database("embedded", url("jdbc:h2:file:/srv/app"))
                .database("documents", url("mongodb://mongo/shop"));
        ConnectorRegistry registry = registry(settings);

        assertThat(registry.connectorFor(registry.database("pg"))).isExactlyInstanceOf(PostgresqlConnector.class);
        assertThat(registry.connectorFor(registry.database("gis"))).isExactlyInstanceOf(PostgisConnector.class);
        assertThat(registry.connectorFor(registry.database("my"))).isInstanceOf(MysqlConnector.class);
        assertThat(registry.connectorFor(registry.database("maria"))).isInstanceOf(MysqlConnector.class);
        assertThat(registry.connectorFor(registry.database("lite"))).isInstanceOf(SqliteConnector.class);
        assertThat(registry.connectorFor(registry.database("embedded"))).isInstanceOf(H2Connector.class);
        assertThat(registry.connectorFor(registry.database("documents"))).isInstanceOf(MongodbConnector.class);
    }

    @Test
    void connectorMappingIsMergedOverTheBuiltIns() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .database(
                        "gis",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db/maps")
                                .engine("postgis")
                                .build())
                .database("my", url("jdbc:mysql://db/app"))
                .connectorMapping("postgresql", EchoConnector.class.getName());
        ConnectorRegistry registry = registry(settings);

        assertThat(registry.connectorFor(registry.database("pg"))).isInstanceOf(EchoConnector.class);
        assertThat(registry.connectorFor(registry.database("my"))).isInstanceOf(MysqlConnector.class);
    }

    @Test
    void aConnectorChosenForTheAliasWinsOverTheMapping() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .connectorMapping("postgresql", "mysql")
                .connector("pg", "sqlite");
        ConnectorRegistry registry = registry(settings);

        assertThat(registry.connectorFor(registry.database("pg"))).isInstanceOf(SqliteConnector.class);
    }

    @Test
    void findsConnectorsThroughServiceLoaderById() {
        Settings.Builder settings = settings()
                .database(
                        "custom",
                        DatabaseSettings.builder()
                                .engine("cassandra")
                                .name("shop")
                                .build())
                .connectorMapping("cassandra", "echo");
        ConnectorRegistry registry = registry(settings);

        assertThat(registry.connectorFor(registry.database("custom"))).isInstanceOf(EchoConnector.class);
    }

    @Test
    void connectorsRegisteredThroughTheApiWinOverBuiltIns() {
        EchoConnector replacement = new EchoConnector("postgresql");
        Settings settings =
                settings().database("pg", url("jdbc:postgresql://db/app")).build();
        ConnectorRegistry registry = new ConnectorRegistry(settings, Map.of("postgresql", replacement));

        assertThat(registry.connectorFor(registry.database("pg"))).isSameAs(replacement);
    }

    @Test
    void anEngineWithoutConnectorIsAConfigurationErrorNamingIt() {
        Settings.Builder settings = settings()
                .database(
                        "wide",
                        DatabaseSettings.builder()
                                .engine("cassandra")
                                .name("shop")
                                .build());
        ConnectorRegistry registry = registry(settings);
        Database database = registry.database("wide");

        assertThatThrownBy(() -> registry.connectorFor(database))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("engine 'cassandra'")
                .hasMessageContaining("connector-mapping.cassandra")
                .hasMessageContaining("connectors.wide");
    }

    @Test
    void anUnknownConnectorNameIsAConfigurationErrorNamingTheKey() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .connector("pg", "com.example.MissingConnector");
        ConnectorRegistry registry = registry(settings);
        Database database = registry.database("pg");

        assertThatThrownBy(() -> registry.connectorFor(database))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectors.pg")
                .hasMessageContaining("com.example.MissingConnector")
                .hasMessageContaining("h2, mongodb, mysql, postgis, postgresql, sqlite");
    }

    @Test
    void aClassThatIsNotAConnectorIsAConfigurationError() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .connectorMapping("postgresql", String.class.getName());
        ConnectorRegistry registry = registry(settings);
        Database database = registry.database("pg");

        assertThatThrownBy(() -> registry.connectorFor(database))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connector-mapping.postgresql")
                .hasMessageContaining("does not implement");
    }

    @Test
    void aConnectorWithoutPublicNoArgumentConstructorIsAConfigurationError() {
        Settings.Builder settings = settings()
                .database("pg", url("jdbc:postgresql://db/app"))
                .connector("pg", NoDefaultConstructor.class.getName());
        ConnectorRegistry registry = registry(settings);
        Database database = registry.database("pg");

        assertThatThrownBy(() -> registry.connectorFor(database))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no public no-argument constructor");
    }

    /** Named by class in a test; cannot be created without an argument. */
    public static class NoDefaultConstructor extends EchoConnector {
        public NoDefaultConstructor(String id) {
            super(id);
        }
    }
}
