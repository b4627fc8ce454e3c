package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleReporterTest {
    private static final String NL = System.lineSeparator();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource({
        "0, '', ''",
        "1, 'info|success|', ''",
        "2, 'info|success|detail|', ''",
        "3, 'info|success|detail|', 'rclone: tool|'"
    })
    void verbosityFiltersTheLines(int verbosity, String expectedOut, String expectedErr) {
        ConsoleReporter reporter = reporter(verbosity, false, false);

        reporter.info("info");
        reporter.success("success");
        reporter.detail("detail");
        reporter.toolOutput("/usr/bin/rclone", "tool");

        assertThat(out()).isEqualTo(expectedOut.replace("|", NL));
        assertThat(err()).isEqualTo(expectedErr.replace("|", NL));
    }

    @Test
    void successIsGreenAndErrorsRedOnlyWithColour() {
        ConsoleReporter coloured = reporter(1, true, false);
        coloured.success("Backup completed: db/x.dump");
        coloured.info("plain");
        coloured.error("Error: it broke");

        assertThat(out()).isEqualTo("\u001B[32mBackup completed: db/x.dump\u001B[39m" + NL + "plain" + NL);
        assertThat(err()).isEqualTo("\u001B[31mError: it broke\u001B[39m" + NL);
    }

    @Test
    void withoutColourNothingIsEscaped() {
        ConsoleReporter plain = reporter(1, false, false);
        plain.success("done");
        plain.error("Error: broke");

        assertThat(out() + err()).doesNotContain("\u001B");
    }

    @Test
    void errorsAndResultsArePrintedEvenAtVerbosityZero() {
        ConsoleReporter quiet = reporter(0, false, false);
        quiet.error("Error: broke");
        quiet.result("No database backups found.");

        assertThat(err()).isEqualTo("Error: broke" + NL);
        assertThat(out()).isEqualTo("No database backups found." + NL);
    }

    @Test
    void progressIsOneRewrittenLineWipedBeforeTheNextMessage() {
        ConsoleReporter reporter = reporter(1, false, true);

        reporter.progress(1536, 2048);
        reporter.progress(3 * 1024 * 1024, 1024 * 1024);
        reporter.success("Backup completed: db/x.dump");

        String first = "Transferred 1.5 KB (2.0 KB/s)";
        String second = "Transferred 3.0 MB (1.0 MB/s)";
        assertThat(err()).isEqualTo("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r");
        assertThat(out()).isEqualTo("Backup completed: db/x.dump" + NL);
    }

    @Test
    void shorterProgressOverwritesTheLongerOne() {
        ConsoleReporter reporter = reporter(1, false, true);

        reporter.progress(1024L * 1024 * 1024, 1024 * 1024);
        reporter.progress(512, 0);
        reporter.progressDone();

        String longer = "Transferred 1.0 GB (1.0 MB/s)";
        String shorter = "Transferred 512 B (0 B/s)";
        assertThat(err())
                .isEqualTo("\r" + longer + "\r" + shorter + " ".repeat(longer.length() - shorter.length()) + "\r"
                        + " ".repeat(shorter.length()) + "\r");
    }

    @Test
    void noProgressWithoutATerminalOrAtVerbosityZero() {
        reporter(1, false, false).progress(1024, 1024);
        reporter(0, false, true).progress(1024, 1024);

        assertThat(err()).isEmpty();
    }

    private ConsoleReporter reporter(int verbosity, boolean color, boolean progress) {
        return new ConsoleReporter(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                verbosity,
                color,
                color,
                progress);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
