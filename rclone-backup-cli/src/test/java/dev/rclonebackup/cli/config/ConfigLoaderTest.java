package dev.rclonebackup.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.ErrorCode;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Setting;
import dev.rclonebackup.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final String SECRET = "p@ss: \"w0rd\" #1";
    private static final String MINIMAL = "remote: \"r:backups\"\n";

    @TempDir
    Path workDir;

    private Map<String, String> env;

    @BeforeEach
    void emptyEnvironment() {
        env = new HashMap<>();
    }

    private Path write(String name, String yaml) {
        try {
            Path file = workDir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Settings load(String yaml) {
        write(ConfigLoader.DEFAULT_FILE_NAME, yaml);
        return ConfigLoader.load(null, env, workDir);
    }

    private ConfigurationException failure(Runnable loading) {
        ConfigurationException error = catchThrowableOfType(ConfigurationException.class, loading::run);
        assertThat(error).as("a configuration error").isNotNull();
        assertThat(error.errorCode()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(error.getMessage())
                .doesNotContain(SECRET)
                .doesNotContain("\n")
                .doesNotContain("tools.jackson");
        return error;
    }

    private ConfigurationException failure(String yaml) {
        return failure(() -> load(yaml));
    }

    @Test
    void loadsTheDocumentedExample() {
        env.put("APP_DB_PASSWORD", SECRET);

        Settings settings = load("""
                remote: "myremote:backups"        # required; rclone remote:path, or a plain local path
                rclone:
                  binary: rclone                  # path of the rclone executable
                  config: null                    # path of an rclone.conf (null: rclone's default)
                  flags: []                       # extra flags for every rclone call, e.g. ["--bwlimit", "10M"]
                db:
                  backup-dir: db                  # folder under remote for database backups
                  filename-template: "{database}-{datetime}.{ext}"
                  date-format: "yyyy-MM-dd-HHmmss"  # java.time pattern, rendered in UTC
                  cleanup-keep: 10                # backups kept per database by dbbackup --clean (≥ 1)
                media:
                  root: /srv/app/media            # local media folder (media commands need it)
                  backup-dir: media               # folder under remote for media
                databases:
                  default:
                    url: jdbc:postgresql://127.0.0.1:5432/app
                    username: app
                    password: ${APP_DB_PASSWORD}
                  analytics:
                    engine: sqlite
                    name: /var/lib/app/analytics.sqlite3
                connectors: {}                    # alias -> connector (built-in id or class name)
                connector-mapping: {}             # engine -> connector, merged over the built-ins
                hooks: {}                         # event -> command (argv list), see §5
                """);

        assertThat(settings.remote()).isEqualTo("myremote:backups");
        assertThat(settings.rcloneBinary()).isEqualTo("rclone");
        assertThat(settings.rcloneConfig()).isNull();
        assertThat(settings.rcloneFlags()).isEmpty();
        assertThat(settings.dbBackupDir()).isEqualTo("db");
        assertThat(settings.filenameTemplate()).isEqualTo("{database}-{datetime}.{ext}");
        assertThat(settings.dateFormat()).isEqualTo("yyyy-MM-dd-HHmmss");
        assertThat(settings.cleanupKeep()).isEqualTo(10);
        assertThat(settings.mediaRoot()).isEqualTo(Path.of("/srv/app/media"));
        assertThat(settings.mediaBackupDir()).isEqualTo("media");
        assertThat(settings.databases()).containsOnlyKeys("default", "analytics");
        assertThat(settings.databases().get("default"))
                .isEqualTo(DatabaseSettings.builder()
                        .url("jdbc:postgresql://127.0.0.1:5432/app")
                        .username("app")
                        .password(SECRET)
                        .build());
        assertThat(settings.databases().get("analytics"))
                .isEqualTo(DatabaseSettings.builder()
                        .engine("sqlite")
                        .name("/var/lib/app/analytics.sqlite3")
                        .build());
        assertThat(settings.connectors()).isEmpty();
        assertThat(settings.hooks()).isEmpty();
    }

    @Test
    void readsEverySection() {
        Settings settings = load("""
                remote: "s3crypt:"
                rclone: {binary: /opt/rclone, config: /etc/rclone.conf, flags: ["--bwlimit", "10M", "--fast-list"]}
                db: {backup-dir: app/db, filename-template: "{database}_{datetime}.{ext}", date-format: yyyyMMddHHmm, cleanup-keep: 3}
                media: {root: /srv/media, backup-dir: app/media}
                databases:
                  reports:
                    engine: mysql
                    host: db.internal
                    port: 3306
                    name: reports
                    username: rep
                    password: plain
                    options:
                      dump-args: ["--ignore-table=reports.cache"]
                      admin-user: root
                connectors: {reports: com.example.ReportsConnector}
                connector-mapping: {mysql: mysql}
                hooks:
                  pre-db-backup: [/usr/local/bin/notify, start]
                  post-media-restore: [/bin/true]
                """);

        assertThat(settings.rcloneBinary()).isEqualTo("/opt/rclone");
        assertThat(settings.rcloneConfig()).isEqualTo(Path.of("/etc/rclone.conf"));
        assertThat(settings.rcloneFlags()).containsExactly("--bwlimit", "10M", "--fast-list");
        assertThat(settings.dbBackupDir()).isEqualTo("app/db");
        assertThat(settings.filenameTemplate()).isEqualTo("{database}_{datetime}.{ext}");
        assertThat(settings.dateFormat()).isEqualTo("yyyyMMddHHmm");
        assertThat(settings.cleanupKeep()).isEqualTo(3);
        assertThat(settings.mediaBackupDir()).isEqualTo("app/media");
        DatabaseSettings reports = settings.databases().get("reports");
        assertThat(reports.port()).isEqualTo(3306);
        assertThat(reports.host()).isEqualTo("db.internal");
        assertThat(reports.options())
                .containsEntry("dump-args", List.of("--ignore-table=reports.cache"))
                .containsEntry("admin-user", "root");
        assertThat(settings.connectors()).containsEntry("reports", "com.example.ReportsConnector");
        assertThat(settings.connectorMapping()).containsEntry("mysql", "mysql");
        assertThat(settings.hooks())
                .containsEntry("pre-db-backup", List.of("/usr/local/bin/notify", "start"))
                .containsKey("post-media-restore");
    }

    @Test
    void nullAndEmptyFileMeanDefaults() {
        Settings settings = load("""
                remote: r:x
                rclone:
                db: {cleanup-keep: null, backup-dir: ~}
                media: {root: ~}
                databases:
                """);

        assertThat(settings.cleanupKeep()).isEqualTo(Settings.DEFAULT_CLEANUP_KEEP);
        assertThat(settings.rcloneBinary()).isEqualTo("rclone");
        assertThat(settings.dbBackupDir()).isEqualTo("db");
        assertThat(settings.mediaRoot()).isNull();
        assertThat(settings.databases()).isEmpty();

        write(ConfigLoader.DEFAULT_FILE_NAME, "");
        env.put("RCLONE_BACKUP_REMOTE", "r:");
        assertThat(ConfigLoader.load(null, env, workDir).dbBackupDir()).isEqualTo("db");
    }

    @Nested
    class Discovery {
        @Test
        void explicitFileWinsOverTheVariableAndTheWorkingDirectory() {
            write("rclone-backup.yml", "remote: \"local:\"\n");
            write("from-env.yml", "remote: \"env:\"\n");
            write("conf/explicit.yml", "remote: \"explicit:\"\n");
            env.put("RCLONE_BACKUP_CONFIG", workDir.resolve("from-env.yml").toString());

            assertThat(ConfigLoader.load(Path.of("conf/explicit.yml"), env, workDir)
                            .remote())
                    .isEqualTo("explicit:");
            assertThat(ConfigLoader.load(null, env, workDir).remote()).isEqualTo("env:");
            env.clear();
            assertThat(ConfigLoader.load(null, env, workDir).remote()).isEqualTo("local:");
        }

        @Test
        void aVariableNamingARelativeFileIsResolvedInTheWorkingDirectory() {
            write("conf/app.yml", "remote: \"env:\"\n");
            env.put("RCLONE_BACKUP_CONFIG", "conf/app.yml");

            assertThat(ConfigLoader.load(null, env, workDir).remote()).isEqualTo("env:");
        }

        @Test
        void anExplicitFileThatDoesNotExistIsAnError() {
            write("rclone-backup.yml", MINIMAL);

            assertThat(failure(() -> ConfigLoader.load(Path.of("missing.yml"), env, workDir)))
                    .hasMessage("Configuration file missing.yml (from --config) does not exist");
            env.put("RCLONE_BACKUP_CONFIG", "/nowhere/app.yml");
            assertThat(failure(() -> ConfigLoader.load(null, env, workDir)))
                    .hasMessage("Configuration file /nowhere/app.yml (from RCLONE_BACKUP_CONFIG) does not exist");
        }

        @Test
        void aFileThatIsNotUtf8IsNamedInTheError() throws IOException {
            Path file = write("latin1.yml", "");
            Files.write(file, "remote: \"caf\u00e9:\"\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(failure(() -> ConfigLoader.load(Path.of("latin1.yml"), env, workDir)))
                    .hasMessage("latin1.yml: is not UTF-8 text");
        }

        @Test
        void aFileInUtf8IsReadWithItsAccents() {
            assertThat(load("remote: \"caf\u00e9:\"\n").remote()).isEqualTo("caf\u00e9:");
        }

        @Test
        void aFolderIsNotAConfigurationFile() {
            assertThat(failure(() -> ConfigLoader.load(workDir, env, workDir))).hasMessageContaining("is not a file");
        }

        @Test
        void withoutAnyFileTheEnvironmentAloneIsEnough() {
            env.put("RCLONE_BACKUP_REMOTE", "r:backups");
            env.put("RCLONE_BACKUP_DB_CLEANUP_KEEP", "4");

            Settings settings = ConfigLoader.load(null, env, workDir);

            assertThat(settings.remote()).isEqualTo("r:backups");
            assertThat(settings.cleanupKeep()).isEqualTo(4);
        }

        @Test
        void withoutAnyFileAndRemoteTheErrorSaysWhereItLooked() {
            assertThat(failure(() -> ConfigLoader.load(null, env, workDir)))
                    .hasMessageStartingWith("remote is required")
                    .hasMessageContaining(workDir.resolve("rclone-backup.yml").toString())
                    .hasMessageContaining("--config FILE")
                    .hasMessageContaining("RCLONE_BACKUP_CONFIG")
                    .hasMessageContaining("RCLONE_BACKUP_REMOTE");
        }

        @Test
        void aFileWithoutRemoteIsNamedInTheError() {
            assertThat(failure("db: {cleanup-keep: 3}\n"))
                    .hasMessageStartingWith("rclone-backup.yml: remote is required");
        }
    }

    @Nested
    class Expansion {
        @Test
        void expandsVariablesAndDefaultsAnywhereInStrings() {
            env.put("BUCKET", "prod");
            env.put("EMPTY", "");
            env.put("USER_NAME", "app");

            Settings settings = load("""
                    remote: "s3:${BUCKET}/backups"
                    rclone: {flags: ["--bwlimit", "${BWLIMIT:-10M}"]}
                    db: {backup-dir: "${DB_DIR:-db}", date-format: "${EMPTY:-yyyyMMdd}-HHmm"}
                    databases:
                      default:
                        url: "jdbc:postgresql://${DB_HOST:-localhost}:5432/app"
                        username: ${USER_NAME}
                        options: {dump-args: ["--schema=${SCHEMA:-public}"]}
                    hooks: {post-db-backup: [notify, "${BUCKET}"]}
                    """);

            assertThat(settings.remote()).isEqualTo("s3:prod/backups");
            assertThat(settings.rcloneFlags()).containsExactly("--bwlimit", "10M");
            assertThat(settings.dbBackupDir()).isEqualTo("db");
            assertThat(settings.dateFormat()).isEqualTo("yyyyMMdd-HHmm");
            assertThat(settings.databases().get("default").url()).isEqualTo("jdbc:postgresql://localhost:5432/app");
            assertThat(settings.databases().get("default").username()).isEqualTo("app");
            assertThat(settings.databases().get("default").options())
                    .containsEntry("dump-args", List.of("--schema=public"));
            assertThat(settings.hooks().get("post-db-backup")).containsExactly("notify", "prod");
        }

        @Test
        void aPasswordWithYamlSyntaxQuotesAndNewlinesStaysIntact() {
            String password = "a: b # c\n- \"d\" 'e' {f} [g] ${h} $$ \\";
            env.put("PW", password);

            Settings settings = load(MINIMAL + "databases: {default: {name: app, password: \"${PW}\"}}\n");

            assertThat(settings.databases().get("default").password()).isEqualTo(password);
        }

        @Test
        void aDefaultMayHoldReferencesExpandedOnlyWhenUsed() {
            env.put("BASE", "/srv/backups");

            assertThat(load("remote: \"${REMOTE_DIR:-${BASE}/x}\"\n").remote()).isEqualTo("/srv/backups/x");
            assertThat(load("remote: \"r:${A:-${B:-${BASE}}}/$${C}\"\n").remote())
                    .isEqualTo("r:/srv/backups/${C}");
            env.put("REMOTE_DIR", "r:set");
            assertThat(load("remote: \"${REMOTE_DIR:-${UNSET}/x}\"\n").remote()).isEqualTo("r:set");
            assertThat(failure("remote: \"${REMOTE_DIR:-${BASE}\"\n")).hasMessageContaining("without its closing '}'");
        }

        @Test
        void dollarDollarBraceIsALiteral() {
            Settings settings = load("remote: \"r:$${NOT_A_VAR}/$x\"\n");

            assertThat(settings.remote()).isEqualTo("r:${NOT_A_VAR}/$x");
        }

        @Test
        void aVariableTakesTheTypeOfItsKey() {
            env.put("DB_PORT", "6432");
            env.put("KEEP", "7");

            Settings settings = load(MINIMAL + """
                    db: {cleanup-keep: "${KEEP}"}
                    databases: {default: {name: app, port: "${DB_PORT}"}}
                    """);

            assertThat(settings.cleanupKeep()).isEqualTo(7);
            assertThat(settings.databases().get("default").port()).isEqualTo(6432);
            assertThat(load(MINIMAL + "db: {cleanup-keep: \"${KEEP_UNSET:-3}\"}\n")
                            .cleanupKeep())
                    .isEqualTo(3);
        }

        @Test
        void aVariableThatIsNotANumberWhereOneIsExpectedIsAnError() {
            env.put("DB_PORT", "postgres");

            assertThat(failure(MINIMAL + "databases: {default: {name: app, port: \"${DB_PORT}\"}}\n"))
                    .hasMessage(
                            "rclone-backup.yml: databases.default.port must be a whole number, but \"${DB_PORT}\" does not expand to one");
        }

        @Test
        void anUnsetVariableWithoutDefaultNamesTheKeyAndTheVariable() {
            assertThat(failure(MINIMAL + "databases: {default: {name: app, password: \"x${APP_DB_PASSWORD}\"}}\n"))
                    .hasMessage("rclone-backup.yml: databases.default.password refers to ${APP_DB_PASSWORD}, which is "
                            + "not set in the environment; set it, or give a default with ${APP_DB_PASSWORD:-default}");
        }

        @Test
        void malformedReferencesAreErrors() {
            assertThat(failure("remote: \"r:${BUCKET\"\n"))
                    .hasMessageStartingWith("rclone-backup.yml: remote has a '${' without");
            assertThat(failure("remote: \"r:${1X}\"\n"))
                    .hasMessageStartingWith("rclone-backup.yml: remote has an invalid ${...}");
            assertThat(failure("remote: \"r:${}\"\n"))
                    .hasMessageStartingWith("rclone-backup.yml: remote has an invalid ${...}");
        }

        @Test
        void theRawTextIsNotExpanded() {
            env.put("A", "x");

            assertThat(load(MINIMAL + "# ${UNSET_IN_A_COMMENT}\n").remote()).isEqualTo("r:backups");
        }
    }

    @Nested
    class Overrides {
        @Test
        void environmentWinsOverTheFile() {
            env.put("RCLONE_BACKUP_DB_CLEANUP_KEEP", "5");
            env.put("RCLONE_BACKUP_REMOTE", "other:");
            env.put("RCLONE_BACKUP_RCLONE_FLAGS", " --bwlimit 1M\t--fast-list ");
            env.put("RCLONE_BACKUP_DB_FILENAME_TEMPLATE", "{database}.{datetime}.{ext}");
            env.put("RCLONE_BACKUP_RCLONE_BINARY", "");

            Settings settings = load("""
                    remote: "mine:"
                    rclone: {binary: /opt/rclone, flags: [-v]}
                    db: {cleanup-keep: 10}
                    """);

            assertThat(settings.cleanupKeep()).isEqualTo(5);
            assertThat(settings.remote()).isEqualTo("other:");
            assertThat(settings.rcloneFlags()).containsExactly("--bwlimit", "1M", "--fast-list");
            assertThat(settings.filenameTemplate()).isEqualTo("{database}.{datetime}.{ext}");
            assertThat(settings.rcloneBinary())
                    .as("an empty variable is ignored")
                    .isEqualTo("/opt/rclone");
        }

        @Test
        void everyScalarSettingHasItsVariable() {
            assertThat(Setting.all())
                    .flatExtracting(
                            setting -> setting.environmentVariable().stream().toList())
                    .containsExactlyInAnyOrder(
                            "RCLONE_BACKUP_REMOTE",
                            "RCLONE_BACKUP_RCLONE_BINARY",
                            "RCLONE_BACKUP_RCLONE_CONFIG",
                            "RCLONE_BACKUP_RCLONE_FLAGS",
                            "RCLONE_BACKUP_DB_BACKUP_DIR",
                            "RCLONE_BACKUP_DB_FILENAME_TEMPLATE",
                            "RCLONE_BACKUP_DB_DATE_FORMAT",
                            "RCLONE_BACKUP_DB_CLEANUP_KEEP",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_LAST",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_HOURLY",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_DAILY",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_WEEKLY",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_MONTHLY",
                            "RCLONE_BACKUP_DB_RETENTION_KEEP_YEARLY",
                            "RCLONE_BACKUP_MEDIA_ROOT",
                            "RCLONE_BACKUP_MEDIA_BACKUP_DIR",
                            "RCLONE_BACKUP_RCLONE_STALL_TIMEOUT",
                            "RCLONE_BACKUP_MEDIA_FOLLOW_SYMLINKS",
                            "RCLONE_BACKUP_MEDIA_MAX_DELETE_PERCENT",
                            "RCLONE_BACKUP_CHECK_MAX_AGE",
                            "RCLONE_BACKUP_CHECK_MIN_SIZE_RATIO",
                            "RCLONE_BACKUP_DB_RETRIES",
                            "RCLONE_BACKUP_DB_RETRY_DELAY",
                            "RCLONE_BACKUP_NOTIFY_START_URL",
                            "RCLONE_BACKUP_NOTIFY_SUCCESS_URL",
                            "RCLONE_BACKUP_NOTIFY_FAILURE_URL",
                            "RCLONE_BACKUP_NOTIFY_TIMEOUT");
        }

        @Test
        void retriesAndNotificationsAreReadFromTheFileAndTheEnvironment() {
            Settings settings = load(MINIMAL
                    + "db: {retries: 3, retry-delay: 2m}\n"
                    + "notify: {success-url: \"https://hc-ping.com/${HC_UUID:-abc}\", timeout: 5s}\n");
            assertThat(settings.dbRetries()).isEqualTo(3);
            assertThat(settings.dbRetryDelay()).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.notifySuccessUrl()).isEqualTo("https://hc-ping.com/abc");
            assertThat(settings.notifyTimeout()).isEqualTo(Duration.ofSeconds(5));

            assertThat(failure(MINIMAL + "notify: {start-url: \"ftp://hc-ping.com/abc\"}\n"))
                    .hasMessage("rclone-backup.yml: notify.start-url must be an http:// or https:// URL, "
                            + "got the scheme 'ftp:'");
            assertThat(failure(MINIMAL + "db: {retries: -1}\n")).hasMessageContaining("db.retries must be 0 or more");

            env.put("RCLONE_BACKUP_NOTIFY_FAILURE_URL", "https://hc-ping.com/abc/fail");
            env.put("RCLONE_BACKUP_DB_RETRIES", "1");
            Settings overridden = load(MINIMAL);
            assertThat(overridden.notifyFailureUrl()).isEqualTo("https://hc-ping.com/abc/fail");
            assertThat(overridden.dbRetries()).isEqualTo(1);
        }

        @Test
        void theStallTimeoutIsReadAsADurationFromTheFileAndTheEnvironment() {
            assertThat(load(MINIMAL).rcloneStallTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(load(MINIMAL + "rclone: {stall-timeout: 2s}\n").rcloneStallTimeout())
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(load(MINIMAL + "rclone: {stall-timeout: PT1H}\n").rcloneStallTimeout())
                    .isEqualTo(Duration.ofHours(1));
            assertThat(failure(MINIMAL + "rclone: {stall-timeout: 600}\n"))
                    .hasMessage(
                            "rclone-backup.yml: rclone.stall-timeout must be a duration such as \"10m\" or \"90s\", got 600");
            assertThat(failure(MINIMAL + "rclone: {stall-timeout: 0s}\n"))
                    .hasMessageStartingWith(
                            "rclone-backup.yml: rclone.stall-timeout must be a duration: '0s' is not a duration greater than zero");

            env.put("RCLONE_BACKUP_RCLONE_STALL_TIMEOUT", "90s");
            assertThat(load(MINIMAL + "rclone: {stall-timeout: 2s}\n").rcloneStallTimeout())
                    .isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        void theCheckSettingsComeFromTheFileAndTheEnvironment() {
            assertThat(load(MINIMAL).checkMaxAge()).isEqualTo(Duration.ofHours(26));
            assertThat(load(MINIMAL).checkMinSizeRatio()).isNull();
            String file = MINIMAL + "check: {max-age: 8d, min-size-ratio: 0.5}\n";
            assertThat(load(file).checkMaxAge()).isEqualTo(Duration.ofDays(8));
            assertThat(load(file).checkMinSizeRatio()).isEqualTo(0.5);
            assertThat(load(MINIMAL + "check: {min-size-ratio: 1}\n").checkMinSizeRatio())
                    .isEqualTo(1.0);
            assertThat(failure(MINIMAL + "check: {min-size-ratio: \"0.5\"}\n"))
                    .hasMessage("rclone-backup.yml: check.min-size-ratio must be a number, "
                            + "got the string \"0.5\"; write it without quotes");
            assertThat(failure(MINIMAL + "check: {min-size-ratio: [0.5]}\n"))
                    .hasMessage("rclone-backup.yml: check.min-size-ratio must be a number, got a list");

            env.put("RCLONE_BACKUP_CHECK_MAX_AGE", "PT2H");
            env.put("RCLONE_BACKUP_CHECK_MIN_SIZE_RATIO", "0.25");
            assertThat(load(file).checkMaxAge()).isEqualTo(Duration.ofHours(2));
            assertThat(load(file).checkMinSizeRatio()).isEqualTo(0.25);
            env.put("RCLONE_BACKUP_CHECK_MIN_SIZE_RATIO", "a quarter");
            assertThat(failure(file))
                    .hasMessage("RCLONE_BACKUP_CHECK_MIN_SIZE_RATIO: check.min-size-ratio must be a number, "
                            + "got 'a quarter'");
        }

        @Test
        void theMediaSafetySettingsComeFromTheFileAndTheEnvironment() {
            String file = MINIMAL + "media: {follow-symlinks: false, max-delete-percent: 20}\n";
            Settings fromFile = load(file);
            assertThat(fromFile.mediaFollowSymlinks()).isFalse();
            assertThat(fromFile.mediaMaxDeletePercent()).isEqualTo(20);

            env.put("RCLONE_BACKUP_MEDIA_FOLLOW_SYMLINKS", "TRUE");
            env.put("RCLONE_BACKUP_MEDIA_MAX_DELETE_PERCENT", "100");
            Settings overridden = load(file);
            assertThat(overridden.mediaFollowSymlinks()).isTrue();
            assertThat(overridden.mediaMaxDeletePercent()).isEqualTo(100);

            env.put("RCLONE_BACKUP_MEDIA_FOLLOW_SYMLINKS", "yes");
            assertThat(failure(MINIMAL))
                    .hasMessage(
                            "RCLONE_BACKUP_MEDIA_FOLLOW_SYMLINKS: media.follow-symlinks must be true or false, got 'yes'");
        }

        @Test
        void relativePathsInVariablesAreResolvedInTheWorkingDirectory() {
            write("conf/rclone-backup.yml", MINIMAL);
            env.put("RCLONE_BACKUP_MEDIA_ROOT", "uploads");
            env.put("RCLONE_BACKUP_RCLONE_CONFIG", "secrets/rclone.conf");

            Settings settings = ConfigLoader.load(Path.of("conf/rclone-backup.yml"), env, workDir);

            assertThat(settings.mediaRoot()).isEqualTo(workDir.resolve("uploads"));
            assertThat(settings.rcloneConfig()).isEqualTo(workDir.resolve("secrets/rclone.conf"));
        }

        @Test
        void aWrongOverrideNamesTheVariable() {
            env.put("RCLONE_BACKUP_DB_CLEANUP_KEEP", "five");
            assertThat(failure(MINIMAL))
                    .hasMessage("RCLONE_BACKUP_DB_CLEANUP_KEEP: db.cleanup-keep must be a whole number, got 'five'");

            env.put("RCLONE_BACKUP_DB_CLEANUP_KEEP", "0");
            assertThat(failure(MINIMAL))
                    .hasMessage("RCLONE_BACKUP_DB_CLEANUP_KEEP: db.cleanup-keep must be at least 1, got 0");

            env.put("RCLONE_BACKUP_DB_CLEANUP_KEEP", "2");
            env.put("RCLONE_BACKUP_RCLONE_FLAGS", "--bwlimit 1M stray");
            assertThat(failure(MINIMAL))
                    .hasMessageStartingWith("RCLONE_BACKUP_RCLONE_FLAGS: rclone.flags[2] must be a flag");
        }

        @Test
        void tablesAreNotOverridable() {
            env.put("RCLONE_BACKUP_DATABASES", "x");
            env.put("RCLONE_BACKUP_HOOKS_PRE_DB_BACKUP", "x");

            assertThat(load(MINIMAL).databases()).isEmpty();
        }
    }

    @Test
    void relativePathsInTheFileAreResolvedInItsFolder() {
        write("conf/rclone-backup.yml", MINIMAL + """
                rclone: {config: rclone.conf}
                media: {root: ../uploads}
                databases:
                  local: {engine: sqlite, name: data/app.sqlite3}
                  remote: {engine: postgresql, name: app}
                """);

        Settings settings = ConfigLoader.load(Path.of("conf/rclone-backup.yml"), env, workDir);

        assertThat(settings.rcloneConfig()).isEqualTo(workDir.resolve("conf/rclone.conf"));
        assertThat(settings.mediaRoot()).isEqualTo(workDir.resolve("uploads"));
        assertThat(settings.databases().get("local").name())
                .isEqualTo(workDir.resolve("conf/data/app.sqlite3").toString());
        assertThat(settings.databases().get("remote").name()).isEqualTo("app");
    }

    @ParameterizedTest
    @CsvSource({
        "backups, conf/backups",
        "../backups, backups",
        "sub/dir:x/backups, conf/sub/dir:x/backups",
    })
    void aRemoteThatIsARelativeLocalFolderIsResolvedInTheFilesFolder(String remote, String expected) {
        write("conf/rclone-backup.yml", "remote: \"" + remote + "\"\n");

        Settings settings = ConfigLoader.load(Path.of("conf/rclone-backup.yml"), env, workDir);

        assertThat(settings.remote()).isEqualTo(workDir.resolve(expected).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:bucket/backups", "s3crypt:", "/srv/backups", "b2:"})
    void aRemoteNameOrAnAbsoluteFolderIsKeptAsWritten(String remote) {
        write("conf/rclone-backup.yml", "remote: \"" + remote + "\"\n");

        assertThat(ConfigLoader.load(Path.of("conf/rclone-backup.yml"), env, workDir)
                        .remote())
                .isEqualTo(remote);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("db: {cleanup-keep: 5.5}", "db.cleanup-keep must be a whole number, got 5.5"),
                Arguments.of(
                        "db: {cleanup-keep: \"5\"}",
                        "db.cleanup-keep must be a whole number, got the string \"5\"; write it without quotes"),
                Arguments.of("db: {cleanup-keep: 0}", "db.cleanup-keep must be at least 1, got 0"),
                Arguments.of("db: {cleanup-keep: -3}", "db.cleanup-keep must be at least 1, got -3"),
                Arguments.of("db: {cleanup-keep: 99999999999}", "db.cleanup-keep is out of range, got 99999999999"),
                Arguments.of("db: {cleanup-keep: [1]}", "db.cleanup-keep must be a whole number, got a list"),
                Arguments.of("db: {cleanup-keep: true}", "db.cleanup-keep must be a whole number, got true"),
                Arguments.of("remot: x", "remot is not a known setting; did you mean 'remote'?"),
                Arguments.of("cleanup-keep: 3", "cleanup-keep is not a known setting; did you mean 'db.cleanup-keep'?"),
                Arguments.of(
                        "db.cleanup-keep: 3",
                        "db.cleanup-keep is not a known setting; write it nested, as db: {cleanup-keep: ...}"),
                Arguments.of("db: {cleanup-keep: \"five\"}", "db.cleanup-keep must be a whole number, got a string"),
                Arguments.of(
                        "db: {cleanup-kep: 3}",
                        "db.cleanup-kep is not a known setting; did you mean 'db.cleanup-keep'?"),
                Arguments.of(
                        "rclone: {flag: [-v]}", "rclone.flag is not a known setting; did you mean 'rclone.flags'?"),
                Arguments.of("media: {zzz: 1}", "media.zzz is not a known setting; known are root, backup-dir"),
                Arguments.of(
                        "media: {follow-symlinks: \"false\"}",
                        "media.follow-symlinks must be true or false, got a string; write it without quotes"),
                Arguments.of("media: {follow-symlinks: 1}", "media.follow-symlinks must be true or false, got 1"),
                Arguments.of(
                        "media: {max-delete-percent: 101}",
                        "media.max-delete-percent must be between 0 and 100, got 101"),
                Arguments.of(
                        "media: {max-delete-percent: -1}",
                        "media.max-delete-percent must be between 0 and 100, got -1"),
                Arguments.of(
                        "media: {max-delete-percent: 50.5}",
                        "media.max-delete-percent must be a whole number, got 50.5"),
                Arguments.of("db: 5", "db must be a mapping of keys to values, got 5"),
                Arguments.of("rclone: {binary: 42}", "rclone.binary must be a string, got 42; put it in quotes"),
                Arguments.of("db: {date-format: [yyyy]}", "db.date-format must be a string, got a list"),
                Arguments.of("db: {backup-dir: ../up}", "db.backup-dir must stay under the remote"),
                Arguments.of("media: {backup-dir: /abs}", "media.backup-dir must be relative to the remote"),
                Arguments.of(
                        "db: {filename-template: \"{datetime}-{database}.{ext}\"}",
                        "db.filename-template must start with {database}"),
                Arguments.of("db: {date-format: \"yyyy/MM\"}", "db.date-format must not produce '/'"),
                Arguments.of("media: {root: \"\"}", "media.root must not be empty"),
                Arguments.of("rclone: {binary: \" \"}", "rclone.binary must not be empty"),
                Arguments.of("rclone: x", "rclone must be a mapping of keys to values, got a string"),
                Arguments.of("rclone: {flags: --fast-list}", "rclone.flags must be a list of strings"),
                Arguments.of(
                        "rclone: {flags: [--bwlimit, 10M, oops]}", "rclone.flags[2] must be a flag starting with '-'"),
                Arguments.of("rclone: {flags: [-v, null]}", "rclone.flags[1] must be a string, got null"),
                Arguments.of("rclone: {flags: [-v, 3]}", "rclone.flags[1] must be a string, got 3; put it in quotes"),
                Arguments.of("databases: [a]", "databases must be a mapping of keys to values, got a list"),
                Arguments.of(
                        "databases: {default: \"jdbc:sqlite:x\"}",
                        "databases.default must be a mapping of keys to values, got a string"),
                Arguments.of("databases: {my db: {name: x}}", "databases has an invalid alias 'my db'"),
                Arguments.of("databases: {default: {host: h}}", "databases.default needs a url"),
                Arguments.of(
                        "databases: {default: {name: x, port: \"5432\"}}",
                        "databases.default.port must be a whole number, got the string \"5432\""),
                Arguments.of(
                        "databases: {default: {name: x, port: 5432.0}}",
                        "databases.default.port must be a whole number, got 5432.0"),
                Arguments.of(
                        "databases: {default: {name: x, port: 70000}}",
                        "databases.default.port must be between 1 and 65535, got 70000"),
                Arguments.of(
                        "databases: {default: {name: x, user: app}}",
                        "databases.default.user is not a known database setting; did you mean 'databases.default.username'?"),
                Arguments.of(
                        "databases: {default: {name: x, pasword: y}}",
                        "databases.default.pasword is not a known database setting; did you mean 'databases.default.password'?"),
                Arguments.of(
                        "databases: {default: {name: x, options: {jobs: 4}}}",
                        "databases.default.options.jobs must be a string, got 4"),
                Arguments.of(
                        "databases: {default: {name: x, options: {dump-args: [-a, {b: c}]}}}",
                        "databases.default.options.dump-args[1] must be a string, got a mapping"),
                Arguments.of(
                        "databases: {default: {name: x, options: [a]}}",
                        "databases.default.options must be a mapping of keys to values, got a list"),
                Arguments.of("connectors: {nosuch: sqlite}", "connectors.nosuch names no configured database"),
                Arguments.of("connector-mapping: {mysql: [a]}", "connector-mapping.mysql must be a string, got a list"),
                Arguments.of(
                        "hooks: {pre-db-bakup: [x]}",
                        "hooks.pre-db-bakup is not an event; did you mean 'pre-db-backup'?"),
                Arguments.of(
                        "hooks: {before-everything: [x]}",
                        "hooks.before-everything is not an event; known are pre-db-backup, post-db-backup"),
                Arguments.of("hooks: {pre-db-backup: notify}", "hooks.pre-db-backup must be a list of strings"),
                Arguments.of("hooks: {pre-db-backup: []}", "hooks.pre-db-backup must be a non-empty command"),
                Arguments.of(
                        "remote: again",
                        "is not valid YAML at line 2, column 7: the key \"remote\" appears twice in the same mapping"),
                Arguments.of(
                        "db: {cleanup-keep: 1, cleanup-keep: 2}",
                        "is not valid YAML at line 2, column 35: the key \"cleanup-keep\" appears twice in the same mapping"),
                Arguments.of(
                        "db: [1, 2",
                        "is not valid YAML at line 3, column 1: while parsing a flow sequence: expected ',' or ']'"),
                Arguments.of("db:\n\tcleanup-keep: 3", "is not valid YAML at line 3, column 1"),
                Arguments.of("---\nremote: second", "a second YAML document starts here"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedFiles")
    void malformedFilesAreRejectedNamingTheFileAndTheKey(String yaml, String expected) {
        ConfigurationException error = failure(MINIMAL + yaml + "\n");

        assertThat(error.getMessage()).startsWith("rclone-backup.yml: ").contains(expected);
    }

    @Test
    void aTopLevelListIsNotAConfiguration() {
        assertThat(failure("- remote: x\n"))
                .hasMessage("rclone-backup.yml: must hold a mapping of settings "
                        + "(remote:, rclone:, db: …) at the top level, not a list");
    }

    @Test
    void passwordsAreNeverRepeatedInMessages() {
        env.put("PW", SECRET);
        String numericPassword = "9876543210";

        assertThat(failure(MINIMAL + "databases: {default: {name: x, password: " + numericPassword + "}}\n"))
                .hasMessage(
                        "rclone-backup.yml: databases.default.password must be a string, got a number; put it in quotes");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, password: ['" + SECRET + "']}}\n"))
                .hasMessage("rclone-backup.yml: databases.default.password must be a string, got a list");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, options: {admin-password: 1234567}}}\n"))
                .hasMessageNotContaining("1234567");
        assertThat(failure(MINIMAL + "databases: {default: \"postgresql://app:hunter2@db/app\"}\n"))
                .hasMessageNotContaining("hunter2");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, port: \"app:hunter2@db\"}}\n"))
                .hasMessageNotContaining("hunter2");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, password: \"" + SECRET + "\"}}\nbroken: [\n"))
                .hasMessageStartingWith("rclone-backup.yml: is not valid YAML");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, password: \"" + SECRET + "\n"))
                .hasMessageStartingWith("rclone-backup.yml: is not valid YAML");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, password: \"${PW}\", port: 0}}\n"))
                .hasMessage("rclone-backup.yml: databases.default.port must be between 1 and 65535, got 0");
        assertThat(failure(MINIMAL + "databases: {default: {name: x, port: \"${PW}\"}}\n")
                        .getMessage())
                .startsWith("rclone-backup.yml: databases.default.port must be a whole number");
        assertThatThrownBy(() -> load(MINIMAL + "databases: {default: {name: x, password: \"${PW}\", port: 0}}\n"))
                .satisfies(e -> assertThat(e.getCause()).isNotNull().hasMessageNotContaining(SECRET));
    }
}
