package dev.rclonebackup.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.RcloneFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The commands as the command line prints them, run against the application's settings. */
class OneShotCommandsTest {
    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path folder;

    @Test
    void backsUpAndListsLikeTheCommandLine() throws Exception {
        H2Database database = H2Database.create(folder);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(Starter.autoConfigurations())
                .withPropertyValues(database.dataSourceProperties())
                .withPropertyValues("rclone-backup.remote=" + rclone.plainRemote())
                .run(context -> {
                    OneShotCommands commands = context.getBean(OneShotCommands.class);

                    Run backup = run(commands, "dbbackup", "--database", "default", "--spring.profiles.active=test");
                    assertThat(backup.status()).as(backup.err()).isZero();
                    assertThat(backup.out())
                            .containsPattern(
                                    "^Backing up database 'default' to db/default-\\S+\\.sql\nBackup completed: db/default-\\S+\\.sql\n$");

                    Run listing = run(commands, "listbackups");
                    assertThat(listing.status()).isZero();
                    assertThat(listing.out()).startsWith("Name").contains("default-");

                    Run withConfig = run(commands, "listbackups", "--config", "rclone-backup.yml");
                    assertThat(withConfig.status()).isEqualTo(2);
                    assertThat(withConfig.err())
                            .contains("Error: --config cannot be used with an application's commands");

                    assertThat(run(commands, "dbbackup", "--no-such-option").status())
                            .isEqualTo(2);
                });
    }

    @Test
    void recognisesTheFiveCommandsOnly() {
        assertThat(OneShotCommands.isCommand("dbbackup", "--clean")).isTrue();
        assertThat(OneShotCommands.isCommand("mediarestore")).isTrue();
        assertThat(OneShotCommands.isCommand("--server.port=0")).isFalse();
        assertThat(OneShotCommands.isCommand()).isFalse();
        assertThat(OneShotCommands.isCommand("-v", "2", "--no-color", "dbbackup"))
                .isTrue();
        assertThat(OneShotCommands.isCommand("--spring.profiles.active=prod", "-q", "listbackups"))
                .isTrue();
        assertThat(OneShotCommands.isCommand("--debug")).isFalse();
        assertThat(OneShotCommands.isCommand("-v", "2")).isFalse();
    }

    private static Run run(OneShotCommands commands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("NO_COLOR", "1"));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {}
}
