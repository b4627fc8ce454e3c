package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of notify.* and db.retries / db.retry-delay, case by case. */
class NotifyAndRetrySettingsTest {
    private static final Settings.Builder BASE = Settings.builder().remote("remote:backups");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://hc-ping.com/secret-uuid         | must be an http:// or https:// URL, got the scheme 'ftp:'",
                "file:/etc/secret-uuid                 | must be an http:// or https:// URL, got the scheme 'file:'",
                "hc-ping.com/secret-uuid               | must be an http:// or https:// URL, got no scheme",
                "https:///secret-uuid                  | must be an http:// or https:// URL with a host name",
                "https://hc ping.com/secret-uuid       | is not a valid URL (its value is not shown: it may hold a token)",
                "'   '                                 | must not be empty; leave it unset for no notification",
            })
    void aUrlThatIsNotHttpIsRejectedNamingTheKeyButNotTheUrl(String url, String problem) {
        for (Setting<String> key :
                List.of(Setting.NOTIFY_START_URL, Setting.NOTIFY_SUCCESS_URL, Setting.NOTIFY_FAILURE_URL)) {
            assertThatThrownBy(() -> Settings.builder()
                            .remote("remote:backups")
                            .set(key, url)
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(key.key() + " " + problem)
                    .satisfies(
                            e -> assertThat(((ConfigurationException) e).key()).isEqualTo(key.key()));
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://hc-ping.com/0a1b2c3d/start     | https://hc-ping.com/…",
                "HTTP://user:pw@chat.example:8443/x?k=1 | http://chat.example/…",
                "http://127.0.0.1:8080                  | http://127.0.0.1/…",
            })
    void aUrlIsShownWithSchemeAndHostOnly(String url, String shown) {
        Settings settings = Settings.builder()
                .remote("remote:backups")
                .set(Setting.NOTIFY_SUCCESS_URL, url)
                .build();

        assertThat(NotifyUrls.shown(URI.create(settings.notifySuccessUrl()))).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void retriesAreZeroOrMore(int retries) {
        assertThatThrownBy(() -> Settings.builder()
                        .remote("remote:backups")
                        .dbRetries(retries)
                        .build())
                .hasMessage("db.retries must be 0 or more, got " + retries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1S"})
    void delaysAndTimeoutsAreGreaterThanZero(String duration) {
        assertThatThrownBy(() -> Settings.builder()
                        .remote("remote:backups")
                        .dbRetryDelay(Duration.parse(duration))
                        .build())
                .hasMessage("db.retry-delay must be a duration greater than zero, such as 30s");
        assertThatThrownBy(() -> Settings.builder()
                        .remote("remote:backups")
                        .set(Setting.NOTIFY_TIMEOUT, Duration.parse(duration))
                        .build())
                .hasMessage("notify.timeout must be a duration greater than zero, such as 10s");
    }

    @Test
    void defaults() {
        Settings settings = BASE.build();

        assertThat(settings.dbRetries()).isZero();
        assertThat(settings.dbRetryDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.notifyStartUrl()).isNull();
        assertThat(settings.notifySuccessUrl()).isNull();
        assertThat(settings.notifyFailureUrl()).isNull();
        assertThat(settings.notifyTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
