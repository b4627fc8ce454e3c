package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.internal.connector.postgis.PostgisConnector;
import dev.rclonebackup.internal.process.PipelineResult;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.testing.CommandLineSampler;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostGIS round trips on a real PostgreSQL 15 with Debian's PostGIS 3, as an application role
 * that is not a superuser; the server's superuser is the admin user that creates the extension.
 * The connector contract itself runs in rclone-backup-test-support.
 */
class PostgisConnectorTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String PLACES = "CREATE TABLE places (id INT PRIMARY KEY, name TEXT,"
            + " location geometry(Point, 4326), area geometry(Polygon, 3857), path geometry)";
    private static final String PLACES_ROWS = "INSERT INTO places VALUES"
            + " (1, 'Fountain', ST_GeomFromText('POINT(2.2945 48.8584)', 4326),"
            + "   ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))', 3857),"
            + "   ST_GeomFromText('LINESTRING(0 0, 1 1.5, 2 -0.25)')),"
            + " (2, 'Nowhere', NULL, NULL, ST_GeomFromText('GEOMETRYCOLLECTION EMPTY')),"
            + " (3, 'Antimeridian', ST_GeomFromText('POINT(-179.999999 -89.5)', 4326), NULL,"
            + "   ST_GeomFromText('MULTIPOINT((1 2), (3 4))'))";

    private final PostgresServer server = PostgresServer.shared();

    /** A new database owned by a new application role, without PostGIS. */
    private App newApp() {
        return newApp(false);
    }

    /** A new database owned by a new application role; with PostGIS created by the superuser when {@code withPostgis}. */
    private App newApp(boolean withPostgis) {
        String name = "gis_" + DATABASES.incrementAndGet();
        String password = Passwords.random();
        server.createRole(name, password);
        if (withPostgis) {
            server.createPostgisDatabase(name, name);
        } else {
            server.createDatabase(name, name);
        }
        return new App(name, password);
    }

    private record App(String name, String password) {}

    /** The configuration of {@code app}'s database; with the superuser as admin user when {@code withAdmin}. */
    private DatabaseSettings.Builder settings(App app, boolean withAdmin) {
        DatabaseSettings.Builder builder = DatabaseSettings.builder()
                .url(server.jdbcUrl(app.name()))
                .engine("postgis")
                .username(app.name())
                .password(app.password());
        if (withAdmin) {
            builder.option(PostgisConnector.ADMIN_USER, server.superuser())
                    .option(PostgisConnector.ADMIN_PASSWORD, server.superuserPassword());
        }
        return builder;
    }

    @TempDir
    Path remoteFolder;

    private void backUp(DatabaseSettings entry, String name) throws Exception {
        ConfiguredDatabase configured = ConfiguredDatabase.of(entry);
        PipelineResult result =
                RcloneSteps.backup(configured.connector().dump(configured.database()), remoteFolder.resolve(name));
        assertThat(result.rootCause()).as("backup").isEmpty();
    }

    private PipelineResult restore(DatabaseSettings entry, String name) throws Exception {
        ConfiguredDatabase configured = ConfiguredDatabase.of(entry);
        return RcloneSteps.restore(configured.connector().restore(configured.database()), remoteFolder.resolve(name));
    }

    @Test
    void geometriesLargeObjectsAndTheApplicationsOwnExtensionsSurviveARoundTripIntoAFreshDatabase() throws Exception {
        App source = newApp(true);
        long largeObject;
        try (Connection connection = connect(source);
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("f");
            statement.execute(PLACES);
            statement.execute(PLACES_ROWS);
            statement.execute("CREATE EXTENSION pg_trgm");
            statement.execute("CREATE INDEX places_name ON places USING gin (name gin_trgm_ops)");
            largeObject = Long.parseLong(single(statement, "SELECT lo_from_bytea(0, 'large object bytes')"));
        }
        List<List<String>> places = places(source);
        assertThat(places).hasSize(3);
        backUp(settings(source, false).build(), "backup");

        App target = newApp();
        PipelineResult restored;
        try (CommandLineSampler sampler = CommandLineSampler.start()) {
            restored = restore(settings(target, true).build(), "backup");
            assertThat(sampler.rounds()).isPositive();
            assertThat(sampler.commandLines()).noneMatch(line -> line.contains(server.superuserPassword()));
        }

        assertThat(restored.rootCause()).isEmpty();
        assertThat(places(target)).isEqualTo(places);
        try (Connection connection = connect(target);
                Statement statement = connection.createStatement()) {
            assertThat(single(
                            statement,
                            "SELECT r.rolname FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner"
                                    + " WHERE e.extname = 'postgis'"))
                    .isEqualTo(server.superuser());
            assertThat(single(statement, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
                    .isEqualTo("1");
            assertThat(single(statement, "SELECT convert_from(lo_get(" + largeObject + "), 'UTF8')"))
                    .isEqualTo("large object bytes");
        }
    }

    @Test
    void withoutAnAdminUserTheExtensionIsNotCreated() throws Exception {
        App source = newApp(true);
        try (Connection connection = connect(source);
                Statement statement = connection.createStatement()) {
            statement.execute(PLACES);
            statement.execute(PLACES_ROWS);
        }
        backUp(settings(source, false).build(), "backup");

        App target = newApp();
        PipelineResult restored = restore(settings(target, false).build(), "backup");

        assertThat(restored.consumer().succeeded()).isFalse();
        assertThat(restored.consumer().stderr()).contains("type \"public.geometry\" does not exist");
    }

    @Test
    void aFailedExtensionStepStopsTheRestoreBeforeAnythingChanged() throws Exception {
        App app = newApp(true);
        try (Connection connection = connect(app);
                Statement statement = connection.createStatement()) {
            statement.execute(PLACES);
            statement.execute(PLACES_ROWS);
        }
        List<List<String>> before = places(app);
        backUp(settings(app, false).build(), "backup");
        try (Connection connection = connect(app);
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM places WHERE id = 1");
        }
        String wrongPassword = Passwords.random();
        DatabaseSettings wrongAdmin = settings(app, false)
                .option(PostgisConnector.ADMIN_USER, server.superuser())
                .option(PostgisConnector.ADMIN_PASSWORD, wrongPassword)
                .build();

        assertThatThrownBy(() -> restore(wrongAdmin, "backup"))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessageContaining("Could not create the postgis extension in database '" + app.name() + "'")
                .hasMessageContaining("as admin user '" + server.superuser() + "'")
                .hasMessageContaining("password authentication failed for user \"" + server.superuser() + "\"")
                .message()
                .doesNotContain(wrongPassword);
        assertThat(places(app)).isEqualTo(before.subList(1, before.size()));
    }

    private Connection connect(App app) throws SQLException {
        return server.connect(app.name(), app.name(), app.password());
    }

    /** Every place with its geometries as text with their SRIDs, by id. */
    private List<List<String>> places(App app) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect(app);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, name, ST_AsText(location), ST_SRID(location),"
                        + " ST_AsText(area), ST_SRID(area), ST_AsText(path), ST_SRID(path) FROM places ORDER BY id")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 8; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
