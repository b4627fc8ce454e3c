package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guarantee 4: malformed configuration and arguments end with exit status 2 and one message
 * naming the problem — never a stack trace — before any external command runs. Every tool the
 * command could start (rclone as configured and on PATH, the dump and restore tools on PATH) is a
 * script that records its invocation; the record must stay absent. Runs use {@code -v 3}.
 */
class HostileInputTest {
    private static final List<String> RECORDED_TOOLS = List.of(
            "rclone",
            "sqlite3",
            "pg_dump",
            "pg_restore",
            "psql",
            "mysqldump",
            "mysql",
            "mariadb-dump",
            "mariadb",
            "mongodump",
            "mongorestore",
            "sh",
            "touch");
    private static final String BASE_CLEANUP = "  cleanup-keep: 3";
    private static final String BASE_TEMPLATE = "  filename-template: \"{database}-{datetime}.{ext}\"";

    @TempDir
    Path directory;

    private Sandbox sandbox;
    private Path invocations;
    private Path recorder;
    private String baseConfig;

    /** A rejected configuration: {@code edit} turns the valid base configuration into the bad one. */
    record BadConfig(String problem, UnaryOperator<String> edit, String message) {
        @Override
        public String toString() {
            return problem;
        }
    }

    /** A rejected command line, run against the valid base configuration. */
    record BadArguments(String problem, List<String> args, String message) {
        @Override
        public String toString() {
            return problem;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new Sandbox(directory);
        invocations = directory.resolve("invocations.log");
        String record =
                "printf '%s\\n' \"$0 $*\" >> '" + invocations + "'\n" + "if [ \"$1\" = lsjson ]; then echo '[]'; fi";
        recorder = Sandbox.script(directory.resolve("recording-rclone"), record);
        for (String tool : RECORDED_TOOLS) {
            sandbox.tool(tool, record);
        }
        Path database = directory.resolve("app.sqlite3");
        Files.writeString(database, "");
        baseConfig = String.join(
                "\n",
                "remote: " + Sandbox.quoted(sandbox.remote().toString()),
                "rclone:",
                "  binary: " + Sandbox.quoted(recorder.toString()),
                "  config: " + Sandbox.quoted(directory.resolve("rclone.conf").toString()),
                "  flags: [\"--bwlimit\", \"10M\"]",
                "db:",
                BASE_CLEANUP,
                BASE_TEMPLATE,
                "databases:",
                "  default:",
                "    engine: sqlite",
                "    name: " + Sandbox.quoted(database.toString()),
                "");
    }

    static Stream<BadConfig> badConfigurations() {
        return Stream.of(
                new BadConfig("unclosed flow sequence", base -> base + "hooks: [unclosed\n", "rclone-backup.yml"),
                new BadConfig(
                        "tab indentation",
                        base -> base.replace(BASE_CLEANUP, "\tcleanup-keep: 3"),
                        "rclone-backup.yml"),
                new BadConfig("duplicate key", base -> base + "remote: \"/elsewhere\"\n", "remote"),
                new BadConfig("a list as the whole file", base -> "- remote\n- db\n", "rclone-backup.yml"),
                new BadConfig("unknown top-level key", base -> base + "remotes: \"x:\"\n", "remotes"),
                new BadConfig(
                        "unknown nested key", base -> base.replace(BASE_CLEANUP, "  cleanup-kep: 3"), "db.cleanup-kep"),
                new BadConfig("unknown database key", base -> base + "    passwd: secret\n", "passwd"),
                new BadConfig(
                        "quoted number",
                        base -> base.replace(BASE_CLEANUP, "  cleanup-keep: \"5\""),
                        "db.cleanup-keep"),
                new BadConfig(
                        "fractional number",
                        base -> base.replace(BASE_CLEANUP, "  cleanup-keep: 2.5"),
                        "db.cleanup-keep"),
                new BadConfig(
                        "cleanup-keep 0", base -> base.replace(BASE_CLEANUP, "  cleanup-keep: 0"), "db.cleanup-keep"),
                new BadConfig(
                        "negative cleanup-keep",
                        base -> base.replace(BASE_CLEANUP, "  cleanup-keep: -4"),
                        "db.cleanup-keep"),
                new BadConfig(
                        "a map where a list is expected",
                        base -> base.replace("flags: [\"--bwlimit\", \"10M\"]", "flags: {bwlimit: 10M}"),
                        "rclone.flags"),
                new BadConfig(
                        "rclone.flags entry that is not a flag",
                        base -> base.replace("\"10M\"]", "\"10M\", \"/etc\"]"),
                        "rclone.flags[2]"),
                new BadConfig(
                        "rclone.flags entry '--'",
                        base -> base.replace("\"10M\"]", "\"10M\", \"--\"]"),
                        "rclone.flags[2]"),
                new BadConfig("missing remote", base -> base.replaceFirst("remote: .*\n", ""), "remote"),
                new BadConfig("template with '/'", template("{database}/{datetime}.{ext}"), "filename-template"),
                new BadConfig("template with '..'", template("{database}-{datetime}/../{ext}"), "filename-template"),
                new BadConfig("template with '\\'", template("{database}-{datetime}\\\\{ext}"), "filename-template"),
                new BadConfig("doubled placeholder", template("{database}-{datetime}-{datetime}.{ext}"), "{datetime}"),
                new BadConfig("unknown placeholder", template("{database}-{host}.{ext}"), "{host}"),
                new BadConfig(
                        "template not starting with {database}", template("{datetime}-{database}.{ext}"), "{database}"),
                new BadConfig(
                        "invalid date format",
                        base -> base.replace(BASE_CLEANUP, "  date-format: \"yyyy-{{bad\""),
                        "db.date-format"),
                new BadConfig(
                        "backup-dir with '..'",
                        base -> base.replace(BASE_CLEANUP, "  backup-dir: \"../outside\""),
                        "db.backup-dir"),
                new BadConfig(
                        "absolute backup-dir",
                        base -> base.replace(BASE_CLEANUP, "  backup-dir: \"/etc\""),
                        "db.backup-dir"),
                new BadConfig("alias with shell metacharacters", alias("\"a;rm -rf ~\""), "a;rm -rf ~"),
                new BadConfig("alias with a command substitution", alias("\"$(touch pwned)\""), "$(touch pwned)"),
                new BadConfig("alias with quotes", alias("\"it's \\\"quoted\\\"\""), "it's"),
                new BadConfig("alias with a path", alias("\"../../etc\""), "../../etc"),
                new BadConfig(
                        "password of the wrong type",
                        base -> base + "    password: [\"a;b\", \"$(c)\"]\n",
                        "databases.default.password"),
                new BadConfig(
                        "password with a NUL character",
                        base -> base + "    password: \"sec\\0ret$(x)'\\\"\"\n",
                        "databases.default.password must not contain a NUL character"),
                new BadConfig(
                        "unknown engine",
                        base -> base.replace("engine: sqlite", "engine: \"oracle; ls\""),
                        "oracle; ls"),
                new BadConfig("port out of range", base -> base + "    port: 70000\n", "databases.default.port"),
                new BadConfig(
                        "database without name", base -> base.replaceFirst("    name: .*\n", ""), "databases.default"),
                new BadConfig(
                        "unknown hook event",
                        base -> base + "hooks:\n  before-everything: [\"touch\", \"x\"]\n",
                        "before-everything"),
                new BadConfig("check.min-size-ratio 0", checkRatio("0"), "check.min-size-ratio"),
                new BadConfig("check.min-size-ratio 1.5", checkRatio("1.5"), "check.min-size-ratio"),
                new BadConfig("negative check.min-size-ratio", checkRatio("-0.5"), "check.min-size-ratio"),
                new BadConfig("check.min-size-ratio as text", checkRatio("half"), "check.min-size-ratio"),
                new BadConfig(
                        "unset environment variable",
                        base -> base + "    password: ${NO_SUCH_VARIABLE_FOR_TESTS}\n",
                        "NO_SUCH_VARIABLE_FOR_TESTS"));
    }

    static Stream<BadArguments> badArguments() {
        return Stream.of(
                new BadArguments(
                        "input path with '..'", restore("../outside/default-2024-01-15-120000.sqlite3"), "'..'"),
                new BadArguments("absolute input path", restore("/etc/passwd"), "relative"),
                new BadArguments("input path naming another remote", restore("other:default.sqlite3"), "relative"),
                new BadArguments(
                        "input path with a backslash", restore("sub\\default-2024-01-15-120000.sqlite3"), "'\\'"),
                new BadArguments(
                        "input path with a line break", restore("default\n-2024.sqlite3"), "control characters"),
                new BadArguments("input path of 1,025 characters", restore("a".repeat(1025)), "longer than 1024"),
                new BadArguments(
                        "input path of another database",
                        restore("other-2024-01-15-120000.sqlite3"),
                        "database 'other'"),
                new BadArguments(
                        "input path with an empty segment", restore("sub//default-2024-01-15-120000.sqlite3"), "empty"),
                new BadArguments("unknown database alias", List.of("dbbackup", "-d", "nope;ls"), "nope;ls"),
                new BadArguments("check --max-age 0", List.of("check", "--max-age", "0"), "--max-age"),
                new BadArguments("negative check --max-age", List.of("check", "--max-age", "-5m"), "--max-age"),
                new BadArguments("check --max-age abc", List.of("check", "--max-age", "abc"), "--max-age"),
                new BadArguments("check --max-age without a unit", List.of("check", "--max-age", "26"), "--max-age"),
                new BadArguments("check of an unknown database", List.of("check", "-d", "nope;ls"), "nope;ls"),
                new BadArguments("verbosity out of range", List.of("dbbackup", "-v", "7"), "verbosity"),
                new BadArguments("unknown option", List.of("dbbackup", "--frobnicate"), "--frobnicate"),
                new BadArguments("unknown command", List.of("dbbackupp"), "Unknown command 'dbbackupp'"),
                new BadArguments(
                        "missing configuration file",
                        List.of("dbbackup", "--config", "/no/such/file.yml"),
                        "/no/such/file.yml"));
    }

    private static UnaryOperator<String> template(String template) {
        return base -> base.replace(BASE_TEMPLATE, "  filename-template: " + Sandbox.quoted(template));
    }

    private static UnaryOperator<String> checkRatio(String ratio) {
        return base -> base + "check:\n  min-size-ratio: " + ratio + "\n";
    }

    private static UnaryOperator<String> alias(String quotedAlias) {
        return base -> base.replace("  default:\n", "  " + quotedAlias + ":\n");
    }

    private static List<String> restore(String inputPath) {
        return List.of("dbrestore", "--noinput", "--input-path", inputPath);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void badConfigurationExits2BeforeRunningAnything(BadConfig bad) {
        sandbox.writeRawConfig(bad.edit().apply(baseConfig));

        Outcome outcome = new Cli(sandbox)
                .runRaw("dbbackup", "-v", "3", "--config", sandbox.config().toString());

        assertRejected(outcome, bad.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsExit2BeforeRunningAnything(BadArguments bad) {
        sandbox.writeRawConfig(baseConfig);
        List<String> args = new ArrayList<>(bad.args());
        if (!args.contains("--config")) {
            args.addAll(List.of("--config", sandbox.config().toString()));
        }
        if (!args.contains("-v")) {
            args.addAll(List.of("-v", "3"));
        }

        assertRejected(new Cli(sandbox).runRaw(args.toArray(String[]::new)), bad.message());
    }

    /** NUL cannot travel in a real process's argv, so this one goes through the public entry point in this JVM. */
    @Test
    void inputPathWithANulCharacterExits2BeforeRunningAnything() {
        sandbox.writeRawConfig(baseConfig);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(
                null,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("PATH", sandbox.tools().toString()),
                directory,
                "dbrestore",
                "--noinput",
                "-v",
                "3",
                "--config",
                sandbox.config().toString(),
                "--input-path",
                "default-2024-01-15-120000.sqlite3\0../../etc/passwd");

        assertRejected(
                new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)),
                "control characters");
    }

    @Test
    void theBaseConfigurationIsValidSoEachCaseFailsForItsOwnReason() {
        sandbox.writeRawConfig(baseConfig);

        Outcome outcome = new Cli(sandbox).run("listbackups");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(invocations).as("the recording rclone ran").exists();
    }

    private void assertRejected(Outcome outcome, String message) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr())
                .as(outcome.toString())
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(invocations).as("no external command ran").doesNotExist();
    }
}
