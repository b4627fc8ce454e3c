package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageErrorTest {

    @ParameterizedTest
    @ValueSource(strings = {"4", "-1", "x", "1.5", ""})
    void verbosityMustBeZeroToThree(String level) {
        CliRun run = CliRun.of("dbbackup", "--verbosity", level);

        assertUsageError(run, "'" + level + "' is not a verbosity level; use 0, 1, 2 or 3");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("dbbackup", "--bogus");

        assertUsageError(run, "Unknown option: '--bogus'");
        assertThat(run.err()).contains("Run 'rclone-backup dbbackup --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageErrorWithSuggestions() {
        CliRun run = CliRun.of("dbbakup");

        assertUsageError(
                run,
                "Unknown command 'dbbakup'; use one of dbbackup, dbrestore, mediabackup, mediarestore, listbackups, cleanup, check, dbverify");
        assertThat(run.err()).contains("Did you mean: rclone-backup dbbackup");
    }

    @Test
    void commandOptionBeforeTheCommandIsExplained() {
        CliRun run = CliRun.of("--database", "app", "dbbackup");

        assertUsageError(run, "Option --database belongs after the command");
        assertThat(run.err()).doesNotContain("Possible solutions");
    }

    @Test
    void quietAndVerbosityContradictEachOther() {
        assertUsageError(
                CliRun.of("listbackups", "-q", "-v", "2"), "-q/--quiet and -v/--verbosity cannot be used together");
        assertUsageError(
                CliRun.of("-q", "listbackups", "--verbosity", "2"),
                "-q/--quiet and -v/--verbosity cannot be used together");
        assertUsageError(
                CliRun.of("-v", "2", "listbackups", "--quiet"),
                "-q/--quiet and -v/--verbosity cannot be used together");
    }

    @Test
    void commonOptionsAreCheckedBeforeTheCommandToo() {
        assertUsageError(
                CliRun.of("--no-color", "mediabackup", "--force-color"),
                "--no-color and --force-color cannot be used together");
        assertUsageError(CliRun.of("-v", "4", "dbbackup"), "'4' is not a verbosity level; use 0, 1, 2 or 3");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertUsageError(CliRun.of(), "Missing command");
    }

    @Test
    void optionWithoutItsValueIsAUsageError() {
        assertUsageError(
                CliRun.of("dbrestore", "--input-path"), "Missing required parameter for option '--input-path'");
    }

    @Test
    void unexpectedArgumentIsAUsageError() {
        assertUsageError(CliRun.of("mediabackup", "extra"), "'extra'");
    }

    @Test
    void noColorAndForceColorContradictEachOther() {
        assertUsageError(
                CliRun.of("mediabackup", "--no-color", "--force-color"),
                "--no-color and --force-color cannot be used together");
    }

    @Test
    void listbackupsCannotFilterMediaByDatabase() {
        assertUsageError(
                CliRun.of("listbackups", "--media", "-d", "default"), "--database and --media cannot be used together");
    }

    @Test
    void usageErrorsAreRedOnlyWhenColourIsOn() {
        assertThat(CliRun.of("dbbackup", "--force-color", "--bogus").err()).startsWith("\u001B[31mError: ");
        assertThat(CliRun.builder().terminal().run("dbbackup", "--bogus").err()).startsWith("\u001B[31mError: ");
        assertThat(CliRun.builder()
                        .terminal()
                        .run("dbbackup", "--no-color", "--bogus")
                        .err())
                .startsWith("Error: ");
        assertThat(CliRun.of("dbbackup", "--bogus").err()).startsWith("Error: ");
        assertThat(CliRun.builder()
                        .terminal()
                        .environment(Map.of("NO_COLOR", "1"))
                        .run("dbbackup", "--bogus")
                        .err())
                .startsWith("Error: ");
    }

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ").contains(message).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
