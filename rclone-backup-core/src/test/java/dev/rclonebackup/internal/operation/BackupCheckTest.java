package dev.rclonebackup.internal.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.BackupFile;
import dev.rclonebackup.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of check as a table: backups (newest first), maximum age and size ratio in, verdict out. */
class BackupCheckTest {
    private static final Instant NOW = Instant.parse("2024-01-15T12:00:00Z");

    /**
     * @param backups  newest first, each {@code AGE:SIZE} (age as ISO-8601, size in bytes, -1 unknown), ';'-separated
     * @param maxAge   ISO-8601
     * @param ratio    the minimum size ratio, empty for none
     * @param problem  the expected problem, empty when the check passes
     */
    @ParameterizedTest(name = "[{0}] max {1}, ratio {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "                      | PT26H | | no backups found",
                "PT3H:1000             | PT26H | |",
                "PT26H:1000            | PT26H | |",
                "PT26H0.001S:1000      | PT26H | | newest backup b0 is 26h old (max 26h)",
                "PT30H:1000            | PT26H | | newest backup b0 is 30h old (max 26h)",
                "PT47M:1000            | PT30M | | newest backup b0 is 47m old (max 30m)",
                "P3DT4H:1000           | P2D   | | newest backup b0 is 3d 4h old (max 2d)",
                "PT-1H:1000            | PT26H | |",
                "PT1H:0                | PT26H | | newest backup b0 is empty (0 bytes)",
                "PT1H:-1               | PT26H | |",
                "PT30H:0               | PT26H | | newest backup b0 is 30h old (max 26h); newest backup b0 is empty (0 bytes)",
                "PT1H:0;PT25H:1000     | PT26H | 0.5 | newest backup b0 is empty (0 bytes)",
                "PT1H:499;PT25H:1000   | PT26H | 0.5 | newest backup b0 is 499 bytes, less than 0.5 × the previous backup's 1000 bytes (b1)",
                "PT1H:500;PT25H:1000   | PT26H | 0.5 |",
                "PT1H:499;PT25H:1000   | PT26H |     |",
                "PT1H:999;PT25H:1000   | PT26H | 1   | newest backup b0 is 999 bytes, less than 1.0 × the previous backup's 1000 bytes (b1)",
                "PT1H:1000;PT25H:1000  | PT26H | 1   |",
                "PT1H:10;PT25H:1000;PT49H:1 | PT26H | 0.5 | newest backup b0 is 10 bytes, less than 0.5 × the previous backup's 1000 bytes (b1)",
                "PT1H:10               | PT26H | 0.5 |",
                "PT1H:-1;PT25H:1000    | PT26H | 0.5 |",
                "PT1H:10;PT25H:-1      | PT26H | 0.5 |",
                "PT1H:10;PT25H:0       | PT26H | 0.5 |",
            })
    void verdict(String backups, String maxAge, Double ratio, String problem) {
        CheckResult result = BackupCheck.judge("db", backups(backups), NOW, Duration.parse(maxAge), ratio);

        assertThat(result.problem()).isEqualTo(problem);
        assertThat(result.ok()).isEqualTo(problem == null);
        assertThat(result.database()).isEqualTo("db");
        if (backups == null) {
            assertThat(result.newest()).isNull();
            assertThat(result.age()).isNull();
        } else {
            assertThat(result.newest().name()).isEqualTo("b0");
            assertThat(result.age())
                    .isEqualTo(Duration.parse(backups.split(";")[0].split(":")[0]));
        }
    }

    private static List<BackupFile> backups(String spec) {
        List<BackupFile> backups = new ArrayList<>();
        if (spec == null) {
            return backups;
        }
        String[] entries = spec.split(";");
        for (int i = 0; i < entries.length; i++) {
            String[] parts = entries[i].split(":");
            backups.add(new BackupFile("b" + i, "db", Long.parseLong(parts[1]), NOW.minus(Duration.parse(parts[0]))));
        }
        return backups;
    }
}
