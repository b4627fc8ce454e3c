package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorsTest {

    @Test
    void terminalGetsColour() {
        assertThat(Colors.enabled(null, Map.of(), true)).isTrue();
        assertThat(Colors.enabled(null, Map.of(), false)).isFalse();
    }

    @Test
    void noColorEnvironmentTurnsItOff() {
        assertThat(Colors.enabled(null, Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(Colors.enabled(null, Map.of("NO_COLOR", ""), true))
                .as("empty NO_COLOR is ignored")
                .isTrue();
        assertThat(Colors.enabled(null, Map.of("TERM", "dumb"), true)).isFalse();
    }

    @Test
    void explicitOptionsWin() {
        assertThat(Colors.enabled(Boolean.FALSE, Map.of(), true)).isFalse();
        assertThat(Colors.enabled(Boolean.TRUE, Map.of(), false)).isTrue();
        assertThat(Colors.enabled(Boolean.TRUE, Map.of("NO_COLOR", "1"), false)).isTrue();
    }

    @Test
    void paintsOnlyWhenEnabled() {
        assertThat(Colors.green("ok", true)).isEqualTo("\u001B[32mok\u001B[39m");
        assertThat(Colors.red("bad", true)).isEqualTo("\u001B[31mbad\u001B[39m");
        assertThat(Colors.green("ok", false)).isEqualTo("ok");
    }
}
