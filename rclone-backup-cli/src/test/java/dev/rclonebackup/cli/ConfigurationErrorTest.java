package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationErrorTest {
    @TempDir
    Path directory;

    @Test
    void missingConfigurationFileIsAConfigurationError() {
        CliRun run = CliRun.builder().workingDirectory(directory).run("listbackups", "--config", "absent.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ").contains("absent.yml").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownKeyIsNamedWithoutAStackTrace() throws IOException {
        Files.writeString(directory.resolve("rclone-backup.yml"), "remote: " + directory + "\nretention: 5\n");

        CliRun run = CliRun.builder().workingDirectory(directory).run("listbackups");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ").contains("retention").doesNotContain("\tat ");
    }

    @Test
    void tracebackAddsTheStackTrace() throws IOException {
        Files.writeString(directory.resolve("rclone-backup.yml"), "remote: " + directory + "\nretention: 5\n");

        CliRun run = CliRun.builder().workingDirectory(directory).run("listbackups", "--traceback");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Error: ")
                .contains("ConfigurationException")
                .contains("\tat ");
    }

    @Test
    void configurationFileNamedByTheEnvironmentIsUsed() throws IOException {
        Path file =
                Files.writeString(directory.resolve("elsewhere.yml"), "remote: " + directory.resolve("remote") + "\n");

        CliRun run = CliRun.builder()
                .workingDirectory(directory)
                .environment(Map.of("RCLONE_BACKUP_CONFIG", file.toString()))
                .run("listbackups");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("No database backups found." + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void relativeConfigOptionIsResolvedAgainstTheWorkingDirectory() throws IOException {
        Files.writeString(directory.resolve("custom.yml"), "remote: " + directory.resolve("remote") + "\n");

        CliRun run =
                CliRun.builder().workingDirectory(directory).run("listbackups", "--media", "--config", "custom.yml");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("No media backups found." + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void invalidHookEventIsAConfigurationError() throws IOException {
        Files.writeString(
                directory.resolve("rclone-backup.yml"),
                "remote: " + directory.resolve("remote") + "\nhooks:\n  before-backup: [\"true\"]\n");

        CliRun run = CliRun.builder().workingDirectory(directory).run("listbackups");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: ").contains("before-backup").doesNotContain("\tat ");
    }

    @Test
    void anInMemoryH2DatabaseIsExplainedNotReportedAsNamelessBeforeAnythingRuns() throws IOException {
        Files.writeString(
                directory.resolve("rclone-backup.yml"),
                "remote: " + directory.resolve("remote") + "\n" + "databases:\n  default:\n    url: jdbc:h2:mem:x\n");

        CliRun run = CliRun.builder().workingDirectory(directory).run("dbbackup");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Error: databases.default.url is the in-memory H2 database jdbc:h2:mem:x")
                .contains("inside the one JVM")
                .contains("jdbc:h2:file:")
                .doesNotContain("names no database");
        assertThat(directory.resolve("remote")).doesNotExist();
    }

    @Test
    void aControlCharacterInTheFileNameTemplateIsAConfigurationErrorBeforeAnyToolRuns() throws IOException {
        Path database = Files.createFile(directory.resolve("app.sqlite3"));
        Files.writeString(
                directory.resolve("rclone-backup.yml"),
                "remote: " + directory.resolve("remote") + "\n"
                        + "db:\n  filename-template: \"{database}-{datetime}\\0.{ext}\"\n"
                        + "databases:\n  default:\n    engine: sqlite\n    name: " + database + "\n");

        CliRun run = CliRun.builder().workingDirectory(directory).run("dbbackup");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Error: rclone-backup.yml: db.filename-template must not contain control characters");
        assertThat(directory.resolve("remote")).doesNotExist();
    }
}
