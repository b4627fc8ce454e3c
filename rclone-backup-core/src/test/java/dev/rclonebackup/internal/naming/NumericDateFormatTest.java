package dev.rclonebackup.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericDateFormatTest {
    @ParameterizedTest
    @ValueSource(strings = {"yyyy-MM-dd-HHmmss", "uuuuMMdd_HHmmss", "dd.MM.yyyy HH-mm-ss", "ssmmHHddMMyyyy"})
    void readsWhatTheFormatterWritesAsTheFormatterReadsIt(String pattern) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
        NumericDateFormat format = NumericDateFormat.of(pattern);
        assertThat(format).isNotNull();
        Duration step = Duration.ofHours(7).plusMinutes(13).plusSeconds(17);
        int checked = 0;
        for (Instant time = Instant.parse("1999-12-31T23:59:59Z");
                time.isBefore(Instant.parse("2101-03-01T00:00:00Z"));
                time = time.plus(step)) {
            String text = formatter.format(time);
            assertThat(format.parse(text))
                    .as(text)
                    .isEqualTo(time)
                    .isEqualTo(LocalDateTime.parse(text, formatter).toInstant(ZoneOffset.UTC));
            checked++;
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-30-120000", // past the month's end: the formatter's resolver decides
                "2023-02-29-120000",
                "2024-01-15-240000", // hour 24
                "2024-01-15-126000",
                "2024-01-15-120060",
                "2024-13-15-120000",
                "2024-00-15-120000",
                "2024-01-00-120000",
                "0000-01-15-120000",
                "2024-01-15-12000", // another length
                "20240-01-15-120000",
                "2024_01-15-120000", // another separator
                "2024-01-1x-120000",
                "2024-01-١٥-120000" // digits, but not ASCII ones
            })
    void leavesEverythingElseToTheFormatter(String text) {
        assertThat(NumericDateFormat.of("yyyy-MM-dd-HHmmss").parse(text)).isNull();
    }

    @Test
    void readsLeapDaysPlainly() {
        assertThat(NumericDateFormat.of("yyyy-MM-dd-HHmmss").parse("2024-02-29-235959"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yyyy-MM-dd",
                "yyyyMMdd'T'HHmmss",
                "yyyy-MM-dd-HHmm",
                "yy-MM-dd-HHmmss",
                "yyyy-MMM-dd-HHmmss",
                "yyyy-MM-dd-HHmmss-SSS",
                "yyyy-MM-dd-HHmmss-yyyy",
                "yyyy-MM-dd-hhmmss",
                "[yyyy]-MM-dd-HHmmss"
            })
    void takesOnlyTheSixNumericFieldsEachOnceWithoutQuoting(String pattern) {
        assertThat(NumericDateFormat.of(pattern)).isNull();
    }
}
