package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.RcloneBackup;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RcloneBackupAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(Starter.autoConfigurations())
            .withPropertyValues("rclone-backup.remote=/srv/backups");

    @Test
    void bindsEveryKeyOfTheConfigurationFile() {
        runner.withPropertyValues(
                        "rclone-backup.remote=b2:bucket/app",
                        "rclone-backup.rclone.binary=/opt/rclone",
                        "rclone-backup.rclone.config=/etc/rclone.conf",
                        "rclone-backup.rclone.flags=--bwlimit,10M",
                        "rclone-backup.rclone.stall-timeout=90s",
                        "rclone-backup.db.backup-dir=dumps",
                        "rclone-backup.db.filename-template={database}_{datetime}.{ext}",
                        "rclone-backup.db.date-format=yyyyMMddHHmmss",
                        "rclone-backup.db.cleanup-keep=3",
                        "rclone-backup.media.root=/srv/media",
                        "rclone-backup.media.backup-dir=files",
                        "rclone-backup.media.follow-symlinks=false",
                        "rclone-backup.media.max-delete-percent=20",
                        "rclone-backup.check.max-age=8d",
                        "rclone-backup.check.min-size-ratio=0.5",
                        "rclone-backup.databases.analytics.engine=sqlite",
                        "rclone-backup.databases.analytics.name=/var/lib/analytics.sqlite3",
                        "rclone-backup.databases.reports.url=jdbc:postgresql://db:5432/reports",
                        "rclone-backup.databases.reports.port=5433",
                        "rclone-backup.databases.reports.password=pw",
                        "rclone-backup.databases.reports.options.admin-user=postgres",
                        "rclone-backup.databases.reports.options.dump-args[0]=--exclude-table-data",
                        "rclone-backup.databases.reports.options.dump-args[1]=audit_log",
                        "rclone-backup.connectors.analytics=sqlite",
                        "rclone-backup.connector-mapping.postgis=postgresql",
                        "rclone-backup.hooks.pre-db-backup[0]=/usr/local/bin/notify",
                        "rclone-backup.hooks.pre-db-backup[1]=starting")
                .run(context -> {
                    Settings settings = context.getBean(Settings.class);
                    assertThat(settings.remote()).isEqualTo("b2:bucket/app");
                    assertThat(settings.rcloneBinary()).isEqualTo("/opt/rclone");
                    assertThat(settings.rcloneConfig()).isEqualTo(Path.of("/etc/rclone.conf"));
                    assertThat(settings.rcloneFlags()).containsExactly("--bwlimit", "10M");
                    assertThat(settings.rcloneStallTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(settings.dbBackupDir()).isEqualTo("dumps");
                    assertThat(settings.filenameTemplate()).isEqualTo("{database}_{datetime}.{ext}");
                    assertThat(settings.dateFormat()).isEqualTo("yyyyMMddHHmmss");
                    assertThat(settings.cleanupKeep()).isEqualTo(3);
                    assertThat(settings.mediaRoot()).isEqualTo(Path.of("/srv/media"));
                    assertThat(settings.mediaBackupDir()).isEqualTo("files");
                    assertThat(settings.mediaFollowSymlinks()).isFalse();
                    assertThat(settings.mediaMaxDeletePercent()).isEqualTo(20);
                    assertThat(settings.checkMaxAge()).isEqualTo(Duration.ofDays(8));
                    assertThat(settings.checkMinSizeRatio()).isEqualTo(0.5);
                    assertThat(settings.databases()).containsOnlyKeys("default", "analytics", "reports");
                    assertThat(settings.databases().get("analytics").engine()).isEqualTo("sqlite");
                    DatabaseSettings reports = settings.databases().get("reports");
                    assertThat(reports.port()).isEqualTo(5433);
                    assertThat(reports.password()).isEqualTo("pw");
                    assertThat(reports.options())
                            .containsExactly(
                                    Map.entry("admin-user", "postgres"),
                                    Map.entry("dump-args", List.of("--exclude-table-data", "audit_log")));
                    assertThat(settings.connectors()).containsExactly(Map.entry("analytics", "sqlite"));
                    assertThat(settings.connectorMapping()).containsExactly(Map.entry("postgis", "postgresql"));
                    assertThat(settings.hooks())
                            .containsExactly(Map.entry("pre-db-backup", List.of("/usr/local/bin/notify", "starting")));
                });
    }

    @Test
    void theFileDefaultsApplyWhenNothingIsSet() {
        runner.run(context -> {
            Settings settings = context.getBean(Settings.class);
            Settings fileDefaults = Settings.builder().remote("/srv/backups").build();
            assertThat(settings.filenameTemplate()).isEqualTo(fileDefaults.filenameTemplate());
            assertThat(settings.dateFormat()).isEqualTo(fileDefaults.dateFormat());
            assertThat(settings.cleanupKeep()).isEqualTo(fileDefaults.cleanupKeep());
            assertThat(settings.dbBackupDir()).isEqualTo(fileDefaults.dbBackupDir());
            assertThat(settings.mediaBackupDir()).isEqualTo(fileDefaults.mediaBackupDir());
            assertThat(settings.mediaFollowSymlinks())
                    .isEqualTo(fileDefaults.mediaFollowSymlinks())
                    .isTrue();
            assertThat(settings.mediaMaxDeletePercent())
                    .isEqualTo(fileDefaults.mediaMaxDeletePercent())
                    .isEqualTo(50);
            assertThat(settings.rcloneBinary()).isEqualTo(fileDefaults.rcloneBinary());
            assertThat(settings.rcloneStallTimeout()).isEqualTo(fileDefaults.rcloneStallTimeout());
        });
    }

    @Test
    void theApplicationsDataSourceIsTheDefaultDatabase() {
        runner.withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:notes",
                        "spring.datasource.username=app",
                        "spring.datasource.password=pw")
                .run(context -> {
                    DatabaseSettings database =
                            context.getBean(Settings.class).databases().get("default");
                    assertThat(database.url()).isEqualTo("jdbc:h2:mem:notes");
                    assertThat(database.username()).isEqualTo("app");
                    assertThat(database.password()).isEqualTo("pw");
                });
    }

    @Test
    void aConfiguredDefaultDatabaseWinsOverTheDataSource() {
        runner.withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:notes",
                        "rclone-backup.databases.default.url=jdbc:postgresql://db/app")
                .run(context -> assertThat(context.getBean(Settings.class)
                                .databases()
                                .get("default")
                                .url())
                        .isEqualTo("jdbc:postgresql://db/app"));
    }

    @Test
    void enabledFalseTurnsEverythingOff() {
        runner.withPropertyValues("rclone-backup.enabled=false", "rclone-backup.schedule.db.cron=* * * * * *")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(Settings.class)
                        .doesNotHaveBean(RcloneBackup.class)
                        .doesNotHaveBean(RcloneBackupOperations.class)
                        .doesNotHaveBean(OneShotCommands.class)
                        .doesNotHaveBean(ScheduledBackups.class));
    }

    @Test
    void nothingIsScheduledWithoutACronExpression() {
        runner.run(context -> assertThat(context)
                .hasSingleBean(RcloneBackupOperations.class)
                .hasSingleBean(OneShotCommands.class)
                .doesNotHaveBean(ScheduledBackups.class));
        runner.withPropertyValues("rclone-backup.schedule.media.cron=0 0 4 * * *")
                .run(context -> assertThat(context).hasSingleBean(ScheduledBackups.class));
    }

    @Test
    void anInvalidCronExpressionStopsTheApplicationNamingTheProperty() {
        runner.withPropertyValues("rclone-backup.schedule.db.cron=0 3 * * *")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("rclone-backup.schedule.db.cron is not a cron expression"));
    }

    @Test
    void commandsCanBeTurnedOff() {
        runner.withPropertyValues("rclone-backup.commands.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OneShotCommands.class));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        runner.withBean(Settings.class, () -> Settings.builder().remote("mine:").build())
                .run(context -> assertThat(
                                context.getBean(RcloneBackup.class).settings().remote())
                        .isEqualTo("mine:"));
    }

    @Test
    void aMissingRemoteStopsTheApplicationNamingTheProperty() {
        new ApplicationContextRunner()
                .withConfiguration(Starter.autoConfigurations())
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("ConfigurationException: rclone-backup.remote is required: "));
    }

    @Test
    void relaxedNamesBindAsInSpringBootAndTheSameReaderTypesThem() {
        runner.withPropertyValues(
                        "rclone-backup.db.cleanupKeep=3",
                        "rclone-backup.rclone.flags[0]=--bwlimit",
                        "rclone-backup.rclone.flags[1]=10M",
                        "rclone-backup.media.root=uploads")
                .run(context -> {
                    Settings settings = context.getBean(Settings.class);
                    assertThat(settings.cleanupKeep()).isEqualTo(3);
                    assertThat(settings.rcloneFlags()).containsExactly("--bwlimit", "10M");
                    assertThat(settings.mediaRoot())
                            .isEqualTo(java.nio.file.Path.of("uploads").toAbsolutePath());
                });
    }

    @Test
    void aWronglyTypedValueStopsTheApplicationNamingTheProperty() {
        runner.withPropertyValues("rclone-backup.db.cleanup-keep=ten")
                .run(
                        context -> assertThat(context)
                                .hasFailed()
                                .getFailure()
                                .hasStackTraceContaining(
                                        "ConfigurationException: rclone-backup.db.cleanup-keep must be a whole number, got 'ten'"));
    }

    @Test
    void anUnknownKeyInASectionStopsTheApplicationNamingIt() {
        runner.withPropertyValues("rclone-backup.hooks.before-backup[0]=true")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining(
                                "ConfigurationException: rclone-backup.hooks.before-backup is not an event"));
    }
}
