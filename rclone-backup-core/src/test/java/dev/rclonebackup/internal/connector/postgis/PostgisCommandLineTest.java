package dev.rclonebackup.internal.connector.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Step;
import dev.rclonebackup.internal.connector.postgresql.PostgresqlConnector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command lines the postgis connector describes, checked without running them. */
class PostgisCommandLineTest {
    private static final String EVERY_EXTENSION_BUT_POSTGIS =
            "--extension=" + ExtensionNamePattern.notStartingWith("postgis");

    private static Database database(Map<String, Object> options) {
        return new Database(
                "default",
                "postgis",
                "db.internal",
                5433,
                "maps",
                "app",
                "app-password",
                "jdbc:postgresql://db.internal:5433/maps",
                options);
    }

    private static Step.Command command(Step step) {
        assertThat(step).isInstanceOf(Step.Command.class);
        return (Step.Command) step;
    }

    @Test
    void dumpKeepsEveryExtensionButPostgisAndTheLargeObjectsBeforeTheUsersArguments() throws Exception {
        Database database = database(Map.of("dump-args", List.of("--exclude-table-data=audit")));

        Step.Command dump = command(new PostgisConnector().dump(database).step());

        assertThat(dump.argv())
                .containsExactly(
                        "pg_dump",
                        "--format=custom",
                        "--no-password",
                        "--host=db.internal",
                        "--port=5433",
                        "--username=app",
                        "--blobs",
                        EVERY_EXTENSION_BUT_POSTGIS,
                        "--exclude-table-data=audit");
        assertThat(dump.environment())
                .containsOnly(Map.entry("PGPASSWORD", "app-password"), Map.entry("PGDATABASE", "maps"));
    }

    @Test
    void dumpLeavesLargeObjectsOutWhenTheUserSaysSo() throws Exception {
        Database database = database(Map.of("dump-args", List.of("--no-blobs")));

        Step.Command dump = command(new PostgisConnector().dump(database).step());

        assertThat(dump.argv()).doesNotContain("--blobs").contains("--no-blobs", EVERY_EXTENSION_BUT_POSTGIS);
    }

    @Test
    void restoreRunsAsTheApplicationRoleLikePostgresql() throws Exception {
        Database database = database(
                Map.of(PostgisConnector.ADMIN_USER, "postgres", PostgisConnector.ADMIN_PASSWORD, "admin-password"));

        Step.Command restore = command(new PostgisConnector().restore(database).step());

        Step.Command postgresql =
                command(new PostgresqlConnector().restore(database).step());
        assertThat(restore.argv()).isEqualTo(postgresql.argv());
        assertThat(restore.environment())
                .containsOnlyKeys(postgresql.environment().keySet())
                .containsEntry("PGPASSWORD", "app-password")
                .containsEntry("PGDATABASE", "maps");
        assertThat(restore.environment()).doesNotContainValue("admin-password");
    }
}
