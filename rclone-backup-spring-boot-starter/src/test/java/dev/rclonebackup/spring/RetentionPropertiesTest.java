package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.RetentionPolicy;
import dev.rclonebackup.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code rclone-backup.db.retention.*} binds like every other key of the schema. */
class RetentionPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(Starter.autoConfigurations())
            .withPropertyValues("rclone-backup.remote=/srv/backups");

    @Test
    void theRetentionKeysMakeThePolicy() {
        runner.withPropertyValues(
                        "rclone-backup.db.retention.keep-daily=7",
                        "rclone-backup.db.retention.keepWeekly=4",
                        "rclone-backup.db.retention.keep-yearly=2")
                .run(context -> assertThat(context.getBean(Settings.class).retentionPolicy())
                        .isEqualTo(new RetentionPolicy(0, 0, 7, 4, 0, 2)));
    }

    @Test
    void withoutThemCleanupKeepIsKeepLast() {
        runner.withPropertyValues("rclone-backup.db.cleanup-keep=4")
                .run(context -> assertThat(context.getBean(Settings.class).retentionPolicy())
                        .isEqualTo(RetentionPolicy.keepLast(4)));
    }

    @Test
    void bothCleanupKeepAndRetentionStopTheApplicationNamingBoth() {
        runner.withPropertyValues("rclone-backup.db.cleanup-keep=4", "rclone-backup.db.retention.keep-daily=7")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining(
                                "ConfigurationException: rclone-backup.db.retention and db.cleanup-keep are both set"));
    }

    @Test
    void aFractionStopsTheApplicationNamingTheProperty() {
        runner.withPropertyValues("rclone-backup.db.retention.keep-daily=1.5")
                .run(
                        context -> assertThat(context)
                                .hasFailed()
                                .getFailure()
                                .hasStackTraceContaining(
                                        "ConfigurationException: rclone-backup.db.retention.keep-daily must be a whole number, got '1.5'"));
    }
}
