package dev.rclonebackup.faults;

import dev.rclonebackup.faults.ServerDatabase.Engine;
import dev.rclonebackup.testing.CommandLineSampler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee 5: a password made of shell metacharacters, quotes and unicode works end to end, and
 * never shows in any process's argv, in standard output or error at any verbosity (with
 * {@code --traceback}), nor in the message of a failure — including one where the tool itself
 * rejects the password.
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

        assertThat(commandLines).as("a dump or restore tool was seen in the process list")
                .anyMatch(line -> line.contains(engine == Engine.POSTGRESQL ? "pg_dump" : "mysqldump"));
        for (String secret : List.of(password, password + "-wrong", "p@ss w0rd", "é日本😀")) {
            assertThat(commandLines).noneMatch(line -> line.contains(secret));
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.output()).doesNotContain(secret));
        }
        assertThat(outcomes.get(5).stderr()).as("the failure says what went wrong")
                .contains("Backup of database 'default'").containsAnyOf("password authentication failed", "Access denied");
        assertThat(outcomes.get(5).stderr()).as("--traceback printed the stack trace").contains("\tat ");
        assertThat(injected).as("no shell ran the password").doesNotExist();
    }

    private static Outcome expect(int exitCode, Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exitCode);
        return outcome;
    }
}
