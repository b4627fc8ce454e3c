package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionGivesTheMavenProjectVersionThenJavaAndRclone(String option) {
        CliRun run = CliRun.of(option);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0))
                .isEqualTo("rclone-backup " + System.getProperty("project.version"));
        assertThat(run.out().lines().toList().get(1))
                .startsWith("Java " + Runtime.version() + " (")
                .contains(System.getProperty("java.home"));
        assertThat(run.out().lines().toList().get(2)).matches("rclone v\\d+\\.\\d+\\.\\d+\\S*");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionSaysWhenRcloneIsNotThere() {
        CliRun run = CliRun.builder()
                .environment(Map.of("RCLONE_BACKUP_RCLONE_BINARY", "/nowhere/rclone"))
                .run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("rclone-backup " + System.getProperty("project.version") + System.lineSeparator());
        assertThat(run.out().lines().toList().get(2)).startsWith("rclone not found at '/nowhere/rclone'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void publicEntryPointTreatsCapturedStreamsAsNoTerminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = Main.run(
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                Path.of("."),
                "dbbackup",
                "--bogus");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: Unknown option: '--bogus'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void toolHelpListsTheFiveCommandsAndTheExitStatuses() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: rclone-backup [-hqV] [--force-color] [--no-color] [--traceback]")
                .contains("[--config=FILE] [-v=LEVEL] COMMAND")
                .contains("dbbackup", "dbrestore", "mediabackup", "mediarestore", "listbackups", "dbverify")
                .contains("./rclone-backup.yml", "RCLONE_BACKUP_CONFIG")
                .contains("130", "143");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dbbackup",
                "dbrestore",
                "mediabackup",
                "mediarestore",
                "listbackups",
                "cleanup",
                "check",
                "dbverify"
            })
    void onlyTheCommandBeingRunIsBuilt(String command) {
        CliContext context = new CliContext(
                InputStream.nullInputStream(), System.out, System.err, Map.of(), Path.of("."), false, false, null);

        assertThat(RcloneBackupCommandLine.commandLine(context, command, "--help")
                        .getSubcommands())
                .containsOnlyKeys(command);
        assertThat(RcloneBackupCommandLine.commandLine(context, "--config", "app.yml", "-v", "2", command)
                        .getSubcommands())
                .containsOnlyKeys(command);
        assertThat(RcloneBackupCommandLine.commandLine(context, "--help").getSubcommands())
                .containsOnlyKeys(
                        "dbbackup",
                        "dbrestore",
                        "mediabackup",
                        "mediarestore",
                        "listbackups",
                        "cleanup",
                        "check",
                        "dbverify",
                        "help");
        assertThat(RcloneBackupCommandLine.commandLine(context, "listbackup").getSubcommands())
                .hasSize(9);
        assertThat(RcloneBackupCommandLine.commandLine(context, "--config", command, "listbackup")
                        .getSubcommands())
                .hasSize(9);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dbbackup",
                "dbrestore",
                "mediabackup",
                "mediarestore",
                "listbackups",
                "cleanup",
                "check",
                "dbverify"
            })
    void everyCommandDescribesTheCommonOptions(String command) {
        CliRun run = CliRun.of(command, "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: rclone-backup " + command)
                .contains(
                        "-v, --verbosity=LEVEL",
                        "(default: 1)",
                        "-q, --quiet",
                        "Same as --verbosity 0.",
                        "--no-color",
                        "NO_COLOR",
                        "--force-color",
                        "--config=FILE",
                        "--traceback",
                        "-h, --help");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dbbackup",
                "dbrestore",
                "mediabackup",
                "mediarestore",
                "listbackups",
                "cleanup",
                "check",
                "dbverify"
            })
    void helpCommandPrintsTheSameAsTheCommandsHelpOption(String command) {
        CliRun help = CliRun.of("help", command);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .isEqualTo(CliRun.of(command, "--help").out())
                .contains("Usage: rclone-backup " + command);
        assertThat(help.err()).isEmpty();
    }

    @Test
    void helpWithoutACommandPrintsTheToolsHelp() {
        CliRun help = CliRun.of("help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .isEqualTo(CliRun.of("--help").out())
                .contains("help          Show the help of rclone-backup or of one of its commands.");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliRun help = CliRun.of("help", "nope");

        assertThat(help.exitCode()).isEqualTo(2);
        assertThat(help.err())
                .startsWith("Error: Unknown command 'nope'; use one of dbbackup, dbrestore, "
                        + "mediabackup, mediarestore, listbackups, cleanup, check, dbverify" + System.lineSeparator());
        assertThat(help.out()).isEmpty();
    }

    @Test
    void toolHelpListsTheGlobalOptions() {
        assertThat(CliRun.of("--help").out())
                .contains(
                        "-v, --verbosity=LEVEL",
                        "-q, --quiet",
                        "--no-color",
                        "--force-color",
                        "--config=FILE",
                        "--traceback");
    }

    @Test
    void dbbackupHelpGivesTheDefaultDatabaseAndWhatCleanKeeps() {
        String help = CliRun.of("dbbackup", "--help").out();

        assertThat(help)
                .contains("-d, --database=ALIAS")
                .contains("(default: default)")
                .contains("--clean")
                .contains("db.cleanup-keep");
    }

    @Test
    void dbrestoreHelpExplainsTheDefaultsAndThePrompt() {
        String help = CliRun.of("dbrestore", "--help").out();

        assertThat(help)
                .contains("-i, --input-path=NAME")
                .contains("newest backup")
                .contains("only database")
                .contains("--noinput")
                .contains("confirmation");
    }

    @Test
    void mediarestoreHelpWarnsAboutDeletionAndWhatCopyKeeps() {
        String help = CliRun.of("mediarestore", "--help").out();

        assertThat(help)
                .contains("DELETED")
                .contains("--copy")
                .contains("keep local files")
                .contains("--dry-run");
    }

    @Test
    void mediabackupHelpExplainsTheEmptyFolderGuard() {
        String help = CliRun.of("mediabackup", "--help").out();

        assertThat(help).contains("--allow-empty").contains("unmounted").contains("--dry-run");
    }

    @Test
    void listbackupsHelpExplainsItsFilters() {
        String help = CliRun.of("listbackups", "--help").out();

        assertThat(help)
                .contains("-d, --database=ALIAS")
                .contains("(default: all")
                .contains("--media");
    }

    @Test
    void cleanupHelpExplainsItsOptions() {
        String help = CliRun.of("cleanup", "--help").out();

        assertThat(help)
                .contains("-d, --database=ALIAS")
                .contains("may be repeated")
                .contains("--all")
                .contains("--dry-run")
                .contains("db.retention");
    }
}
