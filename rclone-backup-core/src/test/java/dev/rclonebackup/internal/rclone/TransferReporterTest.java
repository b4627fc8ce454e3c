package dev.rclonebackup.internal.rclone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of rclone's sync output lines a user sees at the default verbosity, and as what. */
class TransferReporterTest {
    private final CapturingReporter captured = new CapturingReporter();
    private final TransferReporter reporter = new TransferReporter(captured);

    @Test
    void skippedFilesBecomeWarningsAndDryRunAnswersBecomeInfoLines() {
        reporter.toolOutput("rclone", "2026/12/03 10:33:22 NOTICE: fifo: Can't transfer non file/directory");
        reporter.toolOutput("rclone", "2026/12/03 10:33:22 NOTICE: old: Skipped delete as --dry-run is set (size 4)");

        assertThat(captured.warnings).containsExactly("rclone: fifo: Can't transfer non file/directory");
        assertThat(captured.infos).containsExactly("old: Skipped delete as --dry-run is set (size 4)");
        assertThat(captured.toolOutput).isEmpty();
    }

    @Test
    void theConfigNoticeStatisticsAndErrorsStayToolOutput() {
        String[] lines = {
            "2026/12/03 10:33:22 NOTICE: Config file \"/root/.config/rclone/rclone.conf\" not found - using defaults",
            "2026/12/03 10:34:01 NOTICE: ",
            "Deleted:                2 (files), 0 (dirs)",
            "2026/12/03 10:33:22 ERROR : dangling: Listing error: no such file or directory",
        };
        for (String line : lines) {
            reporter.toolOutput("rclone", line);
        }

        assertThat(captured.warnings).isEmpty();
        assertThat(captured.infos).isEmpty();
        assertThat(captured.toolOutput).hasSize(lines.length);
    }
}
