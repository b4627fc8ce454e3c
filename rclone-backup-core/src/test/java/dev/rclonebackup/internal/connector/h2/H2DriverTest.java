package dev.rclonebackup.internal.connector.h2;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.internal.process.ToolNotFoundException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class H2DriverTest {

    @Test
    void aMissingDriverIsAClearErrorSayingHowToAddIt() throws Exception {
        try (URLClassLoader withoutH2 = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> H2Driver.require(withoutH2))
                    .isInstanceOf(ToolNotFoundException.class)
                    .hasMessageContaining("org.h2.Driver")
                    .hasMessageContaining("com.h2database:h2")
                    .hasMessageContaining("RCLONE_BACKUP_CLASSPATH");
        }
    }

    @Test
    void findsTheDriverOnTheClasspath() {
        assertThatCode(() -> H2Driver.require(H2DriverTest.class.getClassLoader()))
                .doesNotThrowAnyException();
    }
}
