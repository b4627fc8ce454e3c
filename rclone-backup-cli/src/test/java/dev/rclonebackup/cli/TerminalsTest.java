package dev.rclonebackup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/dev/pts/0", "/dev/pts/17", "/dev/tty", "/dev/tty1", "/dev/ttyS0", "/dev/console"})
    void terminalDevices(String target) {
        assertThat(Terminals.isTerminalDevice(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pipe:[123456]", "socket:[42]", "/dev/null", "/tmp/out.log", "/dev/pts/", "/dev/pts/ptmx"})
    void otherTargets(String target) {
        assertThat(Terminals.isTerminalDevice(target)).isFalse();
    }
}
