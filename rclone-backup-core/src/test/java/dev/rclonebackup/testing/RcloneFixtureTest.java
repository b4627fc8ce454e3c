package dev.rclonebackup.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RcloneFixtureTest {

    @Test
    void withoutRcloneTheTestsFailAndSayHowToInstallIt() {
        assertThatThrownBy(() -> RcloneFixture.binaryOn("/nonexistent/bin"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageEndingWith("install it with: apt-get install -y rclone");
    }

    @Test
    void writesAConfigWithObscuredPasswordsAndCleansUp() throws Exception {
        Path root;
        try (RcloneFixture fixture = RcloneFixture.open()) {
            root = fixture.root();
            List<String> config = Files.readAllLines(fixture.config());
            assertThat(config).contains("[secret]", "type = crypt", "[packed]", "type = compress");
            assertThat(config)
                    .filteredOn(line -> line.startsWith("password"))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).matches("password2? = [A-Za-z0-9_-]{20,}"));
            assertThat(fixture.plainRemote()).isDirectory();
        }
        assertThat(root).doesNotExist();
    }
}
