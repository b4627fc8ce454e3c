package dev.rclonebackup.internal.rclone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RcloneLogTest {
    private static final String STATS = "{\"level\":\"warning\",\"msg\":\"\\nTransferred: 3 B\\n\","
            + "\"source\":\"accounting/stats.go:482\",\"stats\":{\"bytes\":%d,\"errors\":%d,\"eta\":null,"
            + "\"renames\":%d,\"speed\":0},\"time\":\"2026-12-03T13:29:37.654771+00:00\"}";

    @ParameterizedTest
    @CsvSource({"0,0,0", "1000000,1,0", "488,0,1"})
    void statisticsAreReadFromTheLastLineThatHasThem(long bytes, long renames, long errors) {
        String stderr = "{\"level\":\"info\",\"msg\":\"Copied (new)\",\"object\":\"a\"}\n"
                + STATS.formatted(99, 9, 9) + "\n"
                + STATS.formatted(bytes, errors, renames) + "\n"
                + "2026/12/03 13:30:27 Failed to rcat: boom\n";

        assertThat(RcloneLog.statistics(stderr)).hasValue(new RcloneLog.Statistics(bytes, renames, errors));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "2026/12/03 13:30:27 Failed to rcat: boom",
                "{\"level\":\"info\",\"msg\":\"Copied (new)\"}",
                "{not json",
                "{\"stats\":{\"bytes\":1}}"
            })
    void noStatisticsWithoutAStatisticsLogEntry(String stderr) {
        assertThat(RcloneLog.statistics(stderr)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"level\":\"error\",\"msg\":\"Failed to copy: denied\",\"object\":\"x\",\"time\":\"2026-12-03T13:30:27.07+00:00\"}"
                        + "|2026/12/03 13:30:27 ERROR : x: Failed to copy: denied",
                "{\"level\":\"warning\",\"msg\":\"Config file \\\"/r.conf\\\" not found - using defaults\",\"time\":\"2026-12-03T13:30:26.9+00:00\"}"
                        + "|2026/12/03 13:30:26 NOTICE: Config file \"/r.conf\" not found - using defaults",
                "{\"level\":\"info\",\"msg\":\"Copied (new)\\n\",\"object\":\"a\",\"time\":\"2026-12-03T13:30:26+01:00\"}"
                        + "|2026/12/03 13:30:26 INFO  : a: Copied (new)",
                "2026/12/03 13:30:27 Failed to rcat: boom|2026/12/03 13:30:27 Failed to rcat: boom",
                "pg_dump: error: {x}|pg_dump: error: {x}",
                "{\"level\":\"warning\",\"msg\":\"x\",\"stats\":{\"bytes\":1}}|''"
            })
    void logEntriesReadAsRclonesTextLog(String line, String text) {
        assertThat(RcloneLog.asText(line)).isEqualTo(text);
    }
}
