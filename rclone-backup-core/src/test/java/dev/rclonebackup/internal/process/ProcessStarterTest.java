package dev.rclonebackup.internal.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.connector.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessStarterTest {
    private static final String MISSING = "rclone-backup-missing-tool";

    @Test
    void aMissingToolIsNamedWithThePackageThatProvidesIt() {
        Step.Command command = Step.command(List.of(MISSING, "--version"), "postgresql-client");

        assertThatThrownBy(() -> ProcessStarter.start(command))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessage(MISSING + " not found on PATH — install it with: apt-get install postgresql-client");
    }

    @Test
    void aMissingToolInAPipelineIsNamedWithItsPackage() {
        List<Step.Command> commands =
                List.of(Step.command(List.of("true"), "coreutils"), Step.command(List.of(MISSING), "sqlite3"));

        assertThatThrownBy(() -> ProcessStarter.startPipeline(
                        commands.stream().map(ProcessStarter::builder).toList(), commands))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessage(MISSING + " not found on PATH — install it with: apt-get install sqlite3");
    }

    @Test
    void aMissingToolGivenByPathIsNamedByItsPath() {
        Step.Command command = Step.command(List.of("/nonexistent/" + MISSING), null);

        assertThatThrownBy(() -> ProcessStarter.start(command))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessage("/nonexistent/" + MISSING + " not found");
    }
}
