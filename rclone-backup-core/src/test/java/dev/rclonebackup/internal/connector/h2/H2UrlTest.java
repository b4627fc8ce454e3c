package dev.rclonebackup.internal.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class H2UrlTest {

    private static Database withUrl(String url) {
        return new Database("app", "h2", null, null, null, null, null, url, Map.of());
    }

    private static Database withParts(String host, Integer port, String name) {
        return new Database("app", "h2", host, port, name, null, null, null, Map.of());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:h2:file:/var/lib/app/db", "jdbc:h2:./data/app", "jdbc:h2:/var/lib/app/db;MODE=PostgreSQL",
                "jdbc:h2:~/app", "jdbc:h2:tcp://db.example:9092/~/app", "jdbc:h2:tcp://localhost//var/lib/app/db",
                "jdbc:h2:ssl://db.example/app", "jdbc:h2:tcp://localhost/mem:shared"
            })
    void acceptsFileAndServerDatabases(String url) {
        assertThat(H2Url.of(withUrl(url))).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"jdbc:h2:mem:", "jdbc:h2:mem:app;DB_CLOSE_DELAY=-1", "jdbc:h2:memFS:app", "jdbc:h2:memLZF:app"})
    void refusesInMemoryDatabasesExplainingWhy(String url) {
        assertThatThrownBy(() -> H2Url.of(withUrl(url)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'app'")
                .hasMessageContaining("in-memory")
                .hasMessageContaining("lives only inside the JVM that created it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:", "jdbc:h2:;MODE=MySQL", "jdbc:h2:tcp://localhost", "jdbc:h2:tcp://localhost/"})
    void refusesAUrlWithoutADatabase(String url) {
        assertThatThrownBy(() -> H2Url.of(withUrl(url)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'app' has no database name");
    }

    @Test
    void refusesAnotherEnginesUrlWithoutShowingItsSettings() {
        assertThatThrownBy(() -> H2Url.of(withUrl("jdbc:postgresql://localhost/app?password=x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has a jdbc:postgresql URL, which is not an H2 URL")
                .hasMessageNotContaining("password=x");
    }

    @Test
    void buildsAUrlFromDiscreteKeys() {
        assertThat(H2Url.of(withParts(null, null, "/var/lib/app/db"))).isEqualTo("jdbc:h2:file:/var/lib/app/db");
        assertThat(H2Url.of(withParts("db.example", 9092, "~/app"))).isEqualTo("jdbc:h2:tcp://db.example:9092/~/app");
        assertThat(H2Url.of(withParts("db.example", null, "/srv/app"))).isEqualTo("jdbc:h2:tcp://db.example//srv/app");
        assertThatThrownBy(() -> H2Url.of(withParts(null, null, null)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'name'");
    }
}
