package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseOptionsTest {

    private static Database withOptions(Map<String, Object> options) {
        return new Database("app", "sqlite", null, null, "/tmp/app.db", null, null, null, options);
    }

    @Test
    void aDurationOptionIsReadOrFallsBack() {
        Database database = withOptions(Map.of("lock-timeout", "90s"));

        assertThat(database.durationOption("lock-timeout", Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(database.durationOption("busy-timeout", Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDurationOptionThatIsNotADurationIsAConfigurationErrorNamingItsKey() {
        Database database = withOptions(Map.of("lock-timeout", "60"));

        assertThatThrownBy(() -> database.durationOption("lock-timeout", Duration.ofMinutes(1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("databases.app.options.lock-timeout: '60' is not a duration");
    }

    @Test
    void aListOptionAcceptsASingleString() {
        assertThat(withOptions(Map.of("dump-args", "--x")).listOption("dump-args"))
                .containsExactly("--x");
        assertThat(withOptions(Map.of("dump-args", List.of("-a", "-b"))).listOption("dump-args"))
                .containsExactly("-a", "-b");
    }
}
