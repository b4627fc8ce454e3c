package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.DbRestoreOptions;
import dev.rclonebackup.DbRestoreResult;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.RcloneBackupException;
import dev.rclonebackup.RestoreConfirmation;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * dbrestore of another database's backup (production into staging) against real SQLite databases
 * and a real rclone local-folder remote. {@code default} plays production here.
 */
@Timeout(120)
class DbRestoreFromTest extends SqliteOperationTest {
    private static final String ROWS = "SELECT id, quote(body), amount, hex(data) FROM note ORDER BY id;";
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");
    private static final String PROD_BACKUP = "db/default-2024-01-15-120000.sqlite3";

    private Path staging;

    @BeforeEach
    void createStaging() throws Exception {
        staging = dir.resolve("staging.sqlite3");
        SqliteFile.sql(staging, "CREATE TABLE staging_only (x); INSERT INTO staging_only VALUES ('test data');");
    }

    private Settings.Builder withStaging() {
        return settings().database("staging", sqlite(staging));
    }

    private static DatabaseSettings sqlite(Path file) {
        return DatabaseSettings.builder().engine("sqlite").name(file.toString()).build();
    }

    private RcloneBackup backups() {
        return backups(withStaging().build(), NOON);
    }

    @Test
    void restoresTheNewestBackupOfTheSourceIntoTheTargetAndLeavesTheSourceAlone() throws Exception {
        String production = SqliteFile.sql(database, ROWS);
        backups().dbBackup("default", false);
        SqliteFile.sql(database, "INSERT INTO note (body) VALUES ('after the backup');");
        String productionNow = SqliteFile.sql(database, ROWS);
        List<String> asked = new CopyOnWriteArrayList<>();
        RestoreConfirmation confirmation = new RestoreConfirmation() {
            @Override
            public boolean confirm(String database, String path) {
                throw new AssertionError("the two-argument confirmation is not asked");
            }

            @Override
            public boolean confirm(String database, String path, String from) {
                asked.add(database + " " + path + " " + from);
                return true;
            }
        };

        DbRestoreResult result =
                backups().dbRestore(DbRestoreOptions.of("staging").withFrom("default"), confirmation);

        assertThat(result.database()).isEqualTo("staging");
        assertThat(result.from()).isEqualTo("default");
        assertThat(result.path()).isEqualTo(PROD_BACKUP);
        assertThat(asked).containsExactly("staging " + PROD_BACKUP + " default");
        assertThat(SqliteFile.sql(staging, ROWS)).isEqualTo(production);
        assertThat(SqliteFile.sql(staging, "SELECT name FROM sqlite_master WHERE name = 'staging_only';"))
                .isEmpty();
        assertThat(SqliteFile.sql(database, ROWS)).isEqualTo(productionNow);
        assertThat(reporter.lines)
                .contains(
                        "Restoring database 'staging' from " + PROD_BACKUP + " (a backup of 'default')",
                        "Restore completed from: " + PROD_BACKUP);
        assertThat(listener.events).endsWith("pre-db-restore staging " + PROD_BACKUP, "post-db-restore staging");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("app.sqlite3", "staging.sqlite3", "remote");
        }
    }

    @Test
    void restoresTheNamedBackupOfTheSource() throws Exception {
        backups().dbBackup("default", false);

        DbRestoreResult result = backups()
                .dbRestore(
                        new DbRestoreOptions("staging", "default", "default-2024-01-15-120000.sqlite3"),
                        RestoreConfirmation.ALWAYS);

        assertThat(result.path()).isEqualTo(PROD_BACKUP);
        assertThat(SqliteFile.sql(staging, ROWS)).isEqualTo(SqliteFile.sql(database, ROWS));
    }

    @Test
    void aDeclinedConfirmationLeavesTheTargetAsItWas() throws Exception {
        backups().dbBackup("default", false);

        DbRestoreResult result =
                backups().dbRestore(DbRestoreOptions.of("staging").withFrom("default"), (d, p) -> false);

        assertThat(result.cancelled()).isTrue();
        assertThat(SqliteFile.sql(staging, "SELECT x FROM staging_only;")).isEqualTo("test data");
    }

    @Test
    void anInputPathOfAnotherDatabaseIsRefusedWithAHintAtFrom() throws Exception {
        backups().dbBackup("default", false);

        assertUsageError(
                () -> backups().dbRestore("staging", "default-2024-01-15-120000.sqlite3", RestoreConfirmation.ALWAYS),
                "Invalid input path 'default-2024-01-15-120000.sqlite3': it is a backup of database 'default', "
                        + "not of 'staging'; to restore it into 'staging', add --from default");
        assertThat(SqliteFile.sql(staging, "SELECT x FROM staging_only;")).isEqualTo("test data");
    }

    @Test
    void anInputPathOfAnUnconfiguredDatabaseIsRefusedWithoutTheHint() {
        assertUsageError(
                () -> backups().dbRestore("staging", "old-2024-01-15-120000.sqlite3", RestoreConfirmation.ALWAYS),
                "Invalid input path 'old-2024-01-15-120000.sqlite3': it is a backup of database 'old', "
                        + "not of 'staging'");
    }

    @Test
    void withFromTheInputPathMustBeABackupOfTheSource() {
        assertUsageError(
                () -> backups()
                        .dbRestore(
                                new DbRestoreOptions("staging", "default", "staging-2024-01-15-120000.sqlite3"),
                                RestoreConfirmation.ALWAYS),
                "Invalid input path 'staging-2024-01-15-120000.sqlite3': it is a backup of database 'staging', "
                        + "not of 'default' (the database given with --from)");
    }

    @Test
    void fromNamingTheTargetIsAUsageError() {
        assertUsageError(
                () -> backups()
                        .dbRestore(DbRestoreOptions.of("staging").withFrom("staging"), RestoreConfirmation.ALWAYS),
                "--from names database 'staging', the one being restored; leave --from out to restore 'staging' "
                        + "from its own backups");
    }

    @Test
    void theTwoDatabasesMustUseTheSameConnector() {
        Settings settings = withStaging()
                .database(
                        "reports",
                        DatabaseSettings.builder()
                                .url("jdbc:h2:file:" + dir.resolve("reports"))
                                .build())
                .build();

        assertUsageError(
                () -> backups(settings, NOON)
                        .dbRestore(DbRestoreOptions.of("staging").withFrom("reports"), RestoreConfirmation.ALWAYS),
                "Cannot restore database 'staging' from a backup of 'reports': 'staging' uses the sqlite connector "
                        + "and 'reports' the h2 connector; both must use the same one");
    }

    @Test
    void anUnknownSourceIsAConfigurationError() {
        assertThatThrownBy(() -> backups()
                        .dbRestore(DbRestoreOptions.of("staging").withFrom("prod"), RestoreConfirmation.ALWAYS))
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage("Database 'prod' is not configured under databases (configured: default, staging).")
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    private void assertUsageError(Runnable restore, String message) {
        assertThatThrownBy(restore::run)
                .isInstanceOf(RcloneBackupException.class)
                .hasMessage(message)
                .satisfies(
                        e -> assertThat(((RcloneBackupException) e).errorCode()).isEqualTo(ErrorCode.USAGE));
        assertThat(reporter.all()).doesNotContain("Restoring");
        // Nothing started: only the failure is announced (to hooks and notifications).
        assertThat(listener.events)
                .filteredOn(event -> event.contains("restore"))
                .allMatch(event -> event.startsWith("db-restore-failed "));
    }
}
