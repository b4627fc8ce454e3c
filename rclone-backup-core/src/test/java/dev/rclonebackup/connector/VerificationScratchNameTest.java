package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationScratchNameTest {

    @ParameterizedTest
    @CsvSource({
        "app, 63, app",
        "a_name_that_is_exactly_forty_seven_bytes_longgg, 63, a_name_that_is_exactly_forty_seven_bytes_longgg",
        "a_name_that_is_exactly_forty_seven_bytes_longgg, 62, a_name_that_is_exactly_forty_seven_bytes_longg",
        "app, 20, app",
        "application, 20, appl",
        "données_élevées, 23, donnée",
        "ééééé, 20, éé",
    })
    void keepsTheNameWithinTheLimitAndAddsARandomSuffix(String base, int maxBytes, String expectedPrefix) {
        String name = Verification.scratchName(base, maxBytes);

        assertThat(name).matches(java.util.regex.Pattern.quote(expectedPrefix) + "_verify_[0-9a-f]{8}");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes);
    }

    @ParameterizedTest
    @CsvSource({"app, 63", "app, 40"})
    void twoScratchNamesDiffer(String base, int maxBytes) {
        assertThat(Verification.scratchName(base, maxBytes)).isNotEqualTo(Verification.scratchName(base, maxBytes));
    }
}
