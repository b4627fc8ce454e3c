package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.settings.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code rclone-backup.notify.*} and {@code rclone-backup.check.*} bind like every other key of the schema. */
class NotifyAndCheckPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RcloneBackupAutoConfiguration.class))
            .withPropertyValues("rclone-backup.remote=/srv/backups");

    @Test
    void theNotifyKeysSetTheUrlsAndTheTimeout() {
        runner.withPropertyValues(
                        "rclone-backup.notify.start-url=https://hc-ping.com/uuid/start",
                        "rclone-backup.notify.success-url=https://hc-ping.com/uuid",
                        "rclone-backup.notify.failureUrl=https://hc-ping.com/uuid/fail",
                        "rclone-backup.notify.timeout=15s")
                .run(context -> {
                    Settings settings = context.getBean(Settings.class);
                    assertThat(settings.notifyStartUrl()).isEqualTo("https://hc-ping.com/uuid/start");
                    assertThat(settings.notifySuccessUrl()).isEqualTo("https://hc-ping.com/uuid");
                    assertThat(settings.notifyFailureUrl()).isEqualTo("https://hc-ping.com/uuid/fail");
                    assertThat(settings.notifyTimeout()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void aNotifyUrlThatIsNotOneStopsTheApplicationWithoutShowingIt() {
        runner.withPropertyValues("rclone-backup.notify.failure-url=hc-ping.com/secret-token")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("rclone-backup.notify.failure-url must be an http:// or https:// URL")
                        .satisfies(failure -> assertThat(failure.toString()).doesNotContain("secret-token")));
    }

    @Test
    void theCheckKeysSetTheMaximumAgeAndTheSizeRatio() {
        runner.withPropertyValues("rclone-backup.check.max-age=8d", "rclone-backup.check.minSizeRatio=0.5")
                .run(context -> {
                    Settings settings = context.getBean(Settings.class);
                    assertThat(settings.checkMaxAge()).isEqualTo(Duration.ofDays(8));
                    assertThat(settings.checkMinSizeRatio()).isEqualTo(0.5);
                });
    }

    @Test
    void aCheckMaxAgeThatIsNoDurationStopsTheApplicationNamingIt() {
        runner.withPropertyValues("rclone-backup.check.max-age=26")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("rclone-backup.check.max-age"));
    }
}
