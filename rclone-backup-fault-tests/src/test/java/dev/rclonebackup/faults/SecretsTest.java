package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.faults.ServerDatabase.Engine;
import dev.rclonebackup.testing.CommandLineSampler;
import dev.rclonebackup.testing.FreePorts;
import dev.rclonebackup.testing.RcloneFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guarantee 5: a password made of shell metacharacters, quotes and unicode works end to end, and
 * never shows in any process's argv, in standard output or error at any verbosity (with
 * {@code --traceback}), nor in the message of a failure — including one where the tool itself
 * rejects the password. rclone's credentials (connection-string parameters, sensitive flags) are
 * hidden just as well, and hiding never garbles a message.
 */
class SecretsTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostilePasswordWorksEndToEndAndIsNeverShown(Engine engine) throws Exception {
        Path sandboxRoot = Files.createDirectories(directory.resolve("sandbox"));
        Sandbox sandbox = new Sandbox(sandboxRoot);
        Path injected = directory.resolve("injected");
        String password = "p@ss w0rd;$(touch " + injected + ")`touch " + injected + "`|&<>*?~!#%'\"\\ $HOME é日本😀";
        ServerDatabase database = ServerDatabase.create(engine, password, 2_000);
        String original = database.content();
        sandbox.writeConfig("db:\n  date-format: \"yyyy-MM-dd-HHmmssSSS\"\n"
                + database.configBlock().replace(Sandbox.quoted(password), "${APP_DB_PASSWORD}"));
        Cli cli = new Cli(sandbox).withEnvironment(Map.of("APP_DB_PASSWORD", password));
        Cli wrongPassword = new Cli(sandbox).withEnvironment(Map.of("APP_DB_PASSWORD", password + "-wrong"));
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> commandLines;

        try (CommandLineSampler sampler = CommandLineSampler.start()) {
            for (String verbosity : List.of("0", "1", "2", "3")) {
                outcomes.add(expect(0, cli.run("dbbackup", "-v", verbosity, "--traceback")));
            }
            database.execute("DELETE FROM item WHERE id > 10");
            outcomes.add(expect(0, cli.run("dbrestore", "--noinput", "-v", "3", "--traceback")));
            assertThat(database.content()).isEqualTo(original);
            outcomes.add(expect(1, wrongPassword.run("dbbackup", "-v", "3", "--traceback")));
            outcomes.add(expect(1, wrongPassword.run("dbrestore", "--noinput", "-v", "3", "--traceback")));
            outcomes.add(expect(0, cli.run("listbackups", "-v", "3", "--traceback")));
            commandLines = sampler.commandLines();
            assertThat(sampler.rounds()).as("the process list was sampled").isPositive();
        }

        assertThat(commandLines)
                .as("a dump or restore tool was seen in the process list")
                .anyMatch(line -> line.contains(engine == Engine.POSTGRESQL ? "pg_dump" : "mysqldump"));
        for (String secret : List.of(password, password + "-wrong", "p@ss w0rd", "é日本😀")) {
            assertThat(commandLines).noneMatch(line -> line.contains(secret));
            assertThat(outcomes)
                    .allSatisfy(outcome -> assertThat(outcome.output()).doesNotContain(secret));
        }
        assertThat(outcomes.get(5).stderr())
                .as("the failure says what went wrong")
                .contains("Backup of database 'default'")
                .containsAnyOf("password authentication failed", "Access denied");
        assertThat(outcomes.get(5).stderr())
                .as("--traceback printed the stack trace")
                .contains("\tat ");
        assertThat(injected).as("no shell ran the password").doesNotExist();
    }

    /**
     * Issue: a connection-string remote appeared in full in error lines at the default verbosity,
     * and {@code rclone reveal} turns its {@code pass=} back into the password.
     */
    @Test
    void theCredentialsOfAConnectionStringRemoteAreHiddenInErrorsAtEveryVerbosity() throws Exception {
        Sandbox sandbox = new Sandbox(Files.createDirectories(directory.resolve("sandbox")));
        String obscured = obscure("webdav password");
        String remote =
                ":webdav,url='http://127.0.0.1:" + FreePorts.loopback() + "/dav',user=app,pass=" + obscured + ":";
        sandbox.rcloneFlags("--low-level-retries", "1", "--retries", "1");
        sandbox.writeConfig(Sandbox.sqliteDatabase(
                SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 10).file()));
        String config = Files.readString(sandbox.config());
        sandbox.writeRawConfig(
                config.replaceFirst("remote: .*", Matcher.quoteReplacement("remote: " + Sandbox.quoted(remote))));
        Cli cli = new Cli(sandbox);
        List<Outcome> outcomes = new ArrayList<>();

        for (String verbosity : List.of("0", "1", "2", "3")) {
            outcomes.add(expect(1, cli.run("listbackups", "-v", verbosity, "--traceback")));
        }
        outcomes.add(expect(1, cli.run("dbbackup", "-v", "3")));
        outcomes.add(expect(1, cli.run("dbrestore", "--noinput", "-i", "default-2024-01-15-120000.sqlite3")));

        assertThat(outcomes.get(1).stderr())
                .as("the error still says what failed")
                .contains("rclone lsjson :webdav,url='http://127.0.0.1:")
                .contains("pass=****")
                .contains("connection refused");
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.output()).doesNotContain(obscured));
    }

    /**
     * Issue: rclone.flags such as {@code --s3-secret-access-key} and {@code --crypt-password} were
     * printed verbatim at {@code -v 2}, and rclone's own debug output repeats them at {@code -v 3}.
     * Here a real crypt remote with its password in the connection string and a second password
     * and an unused S3 key among the flags backs up, lists and restores at every verbosity.
     */
    @Test
    void sensitiveRcloneFlagsAndHookArgumentsAreHiddenAtEveryVerbosity() throws Exception {
        Sandbox sandbox = new Sandbox(Files.createDirectories(directory.resolve("sandbox")));
        String password = obscure("crypt password");
        String salt = obscure("crypt salt");
        String accessKey = "AKIAHIDDENSECRET/+KEY";
        String remote = ":crypt,remote='" + sandbox.remote() + "',password=" + password + ":";
        sandbox.rcloneFlags("--crypt-password2", salt, "--s3-secret-access-key=" + accessKey, "-vv");
        SqliteDatabase sqlite = SqliteDatabase.withRows(directory.resolve("app.sqlite3"), 500);
        Path hook = Sandbox.script(directory.resolve("hook"), "exit 0");
        sandbox.writeConfig("db:\n  date-format: \"yyyy-MM-dd-HHmmssSSS\"\n"
                + Sandbox.sqliteDatabase(sqlite.file()) + "\n    password: \"${HOOK_TOKEN}\"\n"
                + "hooks:\n  post-db-backup: [" + Sandbox.quoted(hook.toString()) + ", \"${HOOK_TOKEN}\"]");
        String config = Files.readString(sandbox.config());
        sandbox.writeRawConfig(
                config.replaceFirst("remote: .*", Matcher.quoteReplacement("remote: " + Sandbox.quoted(remote))));
        String token = "hook-token-value";
        Cli cli = new Cli(sandbox).withEnvironment(Map.of("HOOK_TOKEN", token));
        List<Outcome> outcomes = new ArrayList<>();

        for (String verbosity : List.of("0", "1", "2", "3")) {
            outcomes.add(expect(0, cli.run("dbbackup", "-v", verbosity)));
        }
        outcomes.add(expect(0, cli.run("listbackups", "-v", "3")));
        outcomes.add(expect(0, cli.run("dbrestore", "--noinput", "-v", "3")));

        assertThat(sandbox.remoteFiles())
                .as("the backups went through the crypt remote")
                .hasSize(4)
                .noneMatch(name -> name.contains("default-"));
        assertThat(outcomes.get(2).stdout())
                .as("-v 2 shows the command lines")
                .contains("--crypt-password2 ****")
                .contains("--s3-secret-access-key=****")
                .contains("password=****")
                .containsPattern("Running: \\S*hook \\*\\*\\*\\*");
        assertThat(outcomes.get(3).stderr())
                .as("-v 3 shows rclone's own debug output")
                .contains("DEBUG");
        for (String secret : List.of(password, salt, accessKey, "HIDDENSECRET", token)) {
            assertThat(outcomes)
                    .allSatisfy(outcome -> assertThat(outcome.output()).doesNotContain(secret));
        }
    }

    /** Issue: with the password {@code p}, an error read {@code mysqldum**** exited}. */
    @Test
    void aOneLetterPasswordNeverGarblesAMessage() {
        Sandbox sandbox = new Sandbox(directory);
        ServerDatabase database = ServerDatabase.create(Engine.MARIADB, "p", 10);
        sandbox.writeConfig(database.configBlock() + "\n    options: {dump-args: [\"--no-such-option\"]}");

        Outcome outcome = expect(1, new Cli(sandbox).run("dbbackup", "-v", "2"));

        assertThat(outcome.stderr())
                .containsPattern(
                        "Backup of database 'default' to db/\\S+ failed: (mysqldump|mariadb-dump) exited with status \\d+: "
                                + "(mysqldump|mariadb-dump): unknown option '--no-such-option'")
                .doesNotContain("*");
        assertThat(outcome.stdout()).contains("Running: ").doesNotContain("*");
    }

    /** The obscured form of {@code secret} that rclone keeps in configurations (reversible with {@code rclone reveal}). */
    private static String obscure(String secret) throws Exception {
        Process process = new ProcessBuilder(RcloneFixture.binary(), "obscure", secret)
                .redirectErrorStream(true)
                .start();
        String obscured = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(obscured).isZero();
        return obscured;
    }

    private static Outcome expect(int exitCode, Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exitCode);
        return outcome;
    }
}
