package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "500ms, PT0.5S",
        "30s,   PT30S",
        "90m,   PT1H30M",
        "26h,   PT26H",
        "7d,    PT168H",
        "' 10m ', PT10M",
        "PT26H, PT26H",
        "P7D,   PT168H",
        "PT0.5S, PT0.5S",
    })
    void readsNumbersWithAUnitAndIsoDurations(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "26",
                "abc",
                "-5m",
                "0",
                "0s",
                "PT0S",
                "-PT5M",
                "5 m",
                "5M",
                "1.5h",
                "5w",
                "PT",
                "1234567890s"
            })
    void refusesAnythingElse(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parse(text))
                .withMessageContaining("'");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"PT10M, 10m", "PT26H, 26h", "PT168H, 7d", "PT90S, 90s", "PT0.5S, 500ms", "PT1H30M, 90m"})
    void formatsInTheShortestFormItReadsBack(String iso, String text) {
        Duration duration = Duration.parse(iso);
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }

    @ParameterizedTest(name = "{0} is about {1}")
    @CsvSource({
        "PT0S,       0s",
        "PT45S,      45s",
        "PT12M5S,    12m 5s",
        "PT3H,       3h",
        "PT3H20M59S, 3h 20m",
        "PT30H5M,    30h 5m",
        "PT47H59M,   47h 59m",
        "PT48H,      2d",
        "P9DT23H59M, 9d 23h",
        "PT-5S,      0s",
    })
    void approximatesToTheTwoLargestUnits(String duration, String expected) {
        assertThat(Durations.approximate(Duration.parse(duration))).isEqualTo(expected);
    }
}
