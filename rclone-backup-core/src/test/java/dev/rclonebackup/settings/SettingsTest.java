package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {
    private static final String SECRET = "s3cr3t-Pa$$";

    private static Settings.Builder valid() {
        return Settings.builder()
                .remote("myremote:backups")
                .database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://127.0.0.1:5432/app")
                                .username("app")
                                .password(SECRET)
                                .build());
    }

    private static void assertRejected(UnaryOperator<Settings.Builder> change, String messageStart) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining(SECRET)
                .satisfies(e ->
                        assertThat(((ConfigurationException) e).errorCode()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    @Test
    void defaultsMatchTheDocumentedConfiguration() {
        Settings settings = Settings.builder().remote("r:").build();

        assertThat(settings.rcloneBinary()).isEqualTo("rclone");
        assertThat(settings.rcloneConfig()).isNull();
        assertThat(settings.rcloneFlags()).isEmpty();
        assertThat(settings.dbBackupDir()).isEqualTo("db");
        assertThat(settings.filenameTemplate()).isEqualTo("{database}-{datetime}.{ext}");
        assertThat(settings.dateFormat()).isEqualTo("yyyy-MM-dd-HHmmss");
        assertThat(settings.cleanupKeep()).isEqualTo(10);
        assertThat(settings.mediaRoot()).isNull();
        assertThat(settings.mediaBackupDir()).isEqualTo("media");
        assertThat(settings.databases()).isEmpty();
        assertThat(settings.hooks()).isEmpty();
    }

    @Test
    void acceptsAFullConfiguration() {
        Settings settings = valid().rcloneBinary("/usr/bin/rclone")
                .rcloneConfig(Path.of("/etc/rclone.conf"))
                .rcloneFlags(List.of("--bwlimit", "10M", "--fast-list", "-v", "--transfers=8"))
                .dbBackupDir("backups/db")
                .filenameTemplate("{database}_{datetime}.{ext}")
                .dateFormat("yyyyMMddHHmmss")
                .cleanupKeep(1)
                .mediaRoot(Path.of("/srv/media"))
                .mediaBackupDir("backups/media")
                .database(
                        "analytics",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name("/var/a.sqlite3")
                                .port(65535)
                                .option("dump-args", List.of("--x"))
                                .option("admin-user", "root")
                                .build())
                .connector("analytics", "sqlite")
                .connectorMapping("postgresql", "com.example.MyConnector")
                .hook("pre-db-backup", List.of("/usr/local/bin/notify", "start"))
                .build();

        assertThat(settings.databases()).containsOnlyKeys("default", "analytics");
        assertThat(settings.hooks()).containsEntry("pre-db-backup", List.of("/usr/local/bin/notify", "start"));
        assertThat(settings.toBuilder().build().rcloneFlags())
                .containsExactly("--bwlimit", "10M", "--fast-list", "-v", "--transfers=8");
    }

    @Test
    void everyHookEventIsAccepted() {
        Settings.Builder builder = valid();
        Settings.HOOK_EVENTS.forEach(event -> builder.hook(event, List.of("true")));

        assertThat(builder.build().hooks()).hasSize(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void remoteIsRequired(String remote) {
        assertRejected(b -> b.remote(remote), "remote is required");
        assertRejected(b -> b.remote(null), "remote is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my db", "db.prod", "db/x", "ümlaut", ""})
    void aliasesAreLettersDigitsUnderscoresAndDashes(String alias) {
        assertRejected(
                b -> b.database(alias, DatabaseSettings.builder().name("app").build()),
                "databases has an invalid alias '" + alias + "'");
    }

    @Test
    void filenameTemplateAndDateFormatAreCheckedByTheTemplateRules() {
        assertRejected(b -> b.filenameTemplate("{datetime}-{database}.{ext}"), "db.filename-template");
        assertRejected(b -> b.filenameTemplate("{database}-{datetime}-{user}.{ext}"), "db.filename-template");
        assertRejected(b -> b.dateFormat("yyyy/MM/dd"), "db.date-format");
        assertRejected(b -> b.dateFormat("qqqqqqqq"), "db.date-format");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void cleanupKeepIsAtLeastOne(int keep) {
        assertRejected(b -> b.cleanupKeep(keep), "db.cleanup-keep must be at least 1, got " + keep);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void checkMinSizeRatioIsAboveZeroAndAtMostOne(double ratio) {
        assertRejected(b -> b.checkMinSizeRatio(ratio), "check.min-size-ratio must be greater than 0 and at most 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 1})
    void checkMinSizeRatiosInRangeAreAccepted(double ratio) {
        assertThat(valid().checkMinSizeRatio(ratio).build().checkMinSizeRatio()).isEqualTo(ratio);
    }

    @Test
    void checkMaxAgeIsGreaterThanZeroAndDefaultsTo26Hours() {
        assertThat(valid().build().checkMaxAge()).isEqualTo(Duration.ofHours(26));
        assertThat(valid().build().checkMinSizeRatio()).isNull();
        assertRejected(b -> b.checkMaxAge(Duration.ZERO), "check.max-age must be a duration greater than zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/db", "../db", "db/../../x", "db\\x", "db/", "a//b"})
    void backupDirsAreRelativeFoldersUnderTheRemote(String folder) {
        assertRejected(b -> b.dbBackupDir(folder), "db.backup-dir");
        assertRejected(b -> b.mediaBackupDir(folder), "media.backup-dir");
    }

    @Test
    void nestedBackupDirsAreFine() {
        assertThatCode(() -> valid().dbBackupDir("app/prod/db")
                        .mediaBackupDir("app/..media")
                        .build())
                .doesNotThrowAnyException();
    }

    @Test
    void rcloneBinaryMustNotBeBlank() {
        assertRejected(b -> b.rcloneBinary(" "), "rclone.binary");
        assertRejected(b -> b.rcloneBinary(null), "rclone.binary");
    }

    @Test
    void flagsThatAreNotFlagsAreRejectedByIndex() {
        assertRejected(b -> b.rcloneFlags(List.of("other:remote")), "rclone.flags[0] must be a flag");
        assertRejected(b -> b.rcloneFlags(List.of("--bwlimit", "10M", "extra")), "rclone.flags[2] must be a flag");
        assertRejected(b -> b.rcloneFlags(List.of("--transfers=4", "8")), "rclone.flags[1] must be a flag");
        assertRejected(b -> b.rcloneFlags(List.of("-v", "--")), "rclone.flags[1] must be a flag");
        assertRejected(b -> b.rcloneFlags(List.of("-v", "")), "rclone.flags[1] must not be empty");
    }

    @Test
    void aDatabaseNeedsAUrlOrAName() {
        assertRejected(
                b -> b.database(
                        "reports",
                        DatabaseSettings.builder().engine("mysql").host("db").build()),
                "databases.reports needs a url");
        assertRejected(
                b -> b.database(
                        "reports", DatabaseSettings.builder().url(" ").name("x").build()),
                "databases.reports.url must not be empty");
        assertRejected(b -> b.database("reports", null), "databases.reports needs a url or a name");
    }

    @Test
    void databaseValuesWithANulCharacterAreRejected() {
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db/app")
                                .password(SECRET + "\0")
                                .build()),
                "databases.default.password must not contain a NUL character");
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder()
                                .url("jdbc:postgresql://db/app")
                                .username("a\0b")
                                .build()),
                "databases.default.username must not contain a NUL character");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 65536, 100000})
    void portsAreBetween1And65535(int port) {
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder()
                                .name("app")
                                .port(port)
                                .password(SECRET)
                                .build()),
                "databases.default.port must be between 1 and 65535, got " + port);
    }

    @Test
    void optionsAreStringsOrListsOfStrings() {
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder().name("app").option("jobs", 4).build()),
                "databases.default.options.jobs must be a string or a list of strings");
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder()
                                .name("app")
                                .option("dump-args", List.of("--a", 3))
                                .build()),
                "databases.default.options.dump-args[1] must be a string");
        assertRejected(
                b -> b.database(
                        "default",
                        DatabaseSettings.builder()
                                .name("app")
                                .option("admin-password", 12345)
                                .password(SECRET)
                                .build()),
                "databases.default.options.admin-password");
    }

    @Test
    void hooksNameOneOfTheEightEvents() {
        assertRejected(b -> b.hook("pre-backup", List.of("true")), "hooks.pre-backup is not an event");
        assertRejected(b -> b.hook("post-db-backup", List.of()), "hooks.post-db-backup must be a non-empty command");
        assertRejected(b -> b.hook("post-db-backup", List.of(" ", "x")), "hooks.post-db-backup[0]");
    }

    @Test
    void connectorsBelongToConfiguredDatabases() {
        assertRejected(b -> b.connector("nosuch", "sqlite"), "connectors.nosuch names no configured database");
        assertRejected(b -> b.connector("default", " "), "connectors.default must name a connector");
        assertRejected(b -> b.connectorMapping("mysql", ""), "connector-mapping.mysql must name a connector");
    }

    @Test
    void emptyPathsAreRejectedRatherThanMeaningTheWorkingDirectory() {
        assertRejected(b -> b.mediaRoot(Path.of("")), "media.root must not be empty");
        assertRejected(b -> b.rcloneConfig(Path.of("")), "rclone.config must not be empty");
    }

    @Test
    void toStringNeverShowsThePassword() {
        Settings settings = valid().build();

        assertThat(settings.toString()).doesNotContain(SECRET);
        assertThat(settings.databases().get("default").toString())
                .doesNotContain(SECRET)
                .contains("****");
    }

    @Test
    void timeoutOptionsAreDurationsCheckedBeforeAnyToolRuns() {
        assertRejected(
                b -> b.database(
                        "app",
                        DatabaseSettings.builder()
                                .engine("sqlite")
                                .name("/tmp/app.db")
                                .option("busy-timeout", "30")
                                .build()),
                "databases.app.options.busy-timeout: '30' is not a duration");
        assertThatCode(() -> valid().database(
                                "app",
                                DatabaseSettings.builder()
                                        .engine("postgresql")
                                        .name("app")
                                        .option("lock-timeout", "90s")
                                        .build())
                        .build())
                .doesNotThrowAnyException();
    }
}
