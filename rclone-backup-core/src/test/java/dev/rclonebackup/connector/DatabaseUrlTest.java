package dev.rclonebackup.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {
    private static final String KEY = "databases.default.url";

    @Test
    void postgresqlUrlWithCredentialParameters() {
        DatabaseUrl url = DatabaseUrl.parse(
                "jdbc:postgresql://db.example.com:5433/app?ssl=true&user=alice&password=p%40ss%2Fw%C3%B6rd", KEY);

        assertThat(url).isEqualTo(new DatabaseUrl("postgresql", "db.example.com", 5433, "app", "alice", "p@ss/wörd"));
    }

    @Test
    void plusSignInAPasswordStaysAPlusSign() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?password=a+b%2Bc", KEY)
                        .password())
                .isEqualTo("a+b+c");
    }

    @Test
    void malformedPercentSequenceIsTakenLiterally() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?password=50%off", KEY)
                        .password())
                .isEqualTo("50%off");
    }

    @Test
    void portIsOptional() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/app", KEY);

        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.port()).isNull();
        assertThat(url.username()).isNull();
    }

    @Test
    void postgresqlUrlWithoutHost() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql:app?user=bob", KEY))
                .isEqualTo(new DatabaseUrl("postgresql", null, null, "app", "bob", null));
    }

    @Test
    void mysqlUrlWithUserInfoAndIpv6Host() {
        assertThat(DatabaseUrl.parse("jdbc:mysql://bob:s%3Acret@[::1]:3307/shop", KEY))
                .isEqualTo(new DatabaseUrl("mysql", "::1", 3307, "shop", "bob", "s:cret"));
    }

    @Test
    void queryParametersWinOverUserInfo() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:mariadb://bob:old@h/shop?user=carol&password=new", KEY);

        assertThat(url.engine()).isEqualTo("mariadb");
        assertThat(url.username()).isEqualTo("carol");
        assertThat(url.password()).isEqualTo("new");
    }

    @Test
    void engineIsLowerCased() {
        assertThat(DatabaseUrl.parse("JDBC:PostgreSQL://h/app", KEY).engine()).isEqualTo("postgresql");
    }

    @Test
    void sqliteAbsoluteRelativeAndFileUrls() {
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/var/lib/app/data.sqlite3", KEY)
                        .name())
                .isEqualTo("/var/lib/app/data.sqlite3");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:data/app.db", KEY).name()).isEqualTo("data/app.db");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:file:/srv/app.db?mode=ro", KEY))
                .isEqualTo(new DatabaseUrl("sqlite", null, null, "/srv/app.db", null, null));
    }

    @Test
    void inMemorySqliteHasNoFile() {
        assertThat(DatabaseUrl.parse("jdbc:sqlite::memory:", KEY).name()).isNull();
        assertThat(DatabaseUrl.parse("jdbc:sqlite:", KEY).name()).isNull();
    }

    @Test
    void h2FileAndServerUrls() {
        assertThat(DatabaseUrl.parse("jdbc:h2:file:/data/app;MODE=PostgreSQL;USER=sa;PASSWORD=pw", KEY))
                .isEqualTo(new DatabaseUrl("h2", null, null, "/data/app", "sa", "pw"));
        assertThat(DatabaseUrl.parse("jdbc:h2:tcp://db:9092/~/app", KEY))
                .isEqualTo(new DatabaseUrl("h2", "db", 9092, "~/app", null, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"jdbc:h2:mem:test", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:memFS:x", "jdbc:h2:MEM:x"})
    void anInMemoryH2UrlIsRefusedWithTheReason(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url, KEY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(KEY + " is the in-memory H2 database")
                .hasMessageContaining("inside the one JVM that created it")
                .hasMessageContaining("jdbc:h2:file:");
    }

    @Test
    void mongodbUrl() {
        assertThat(DatabaseUrl.parse("mongodb://app:pw@mongo:27017/shop?authSource=admin", KEY))
                .isEqualTo(new DatabaseUrl("mongodb", "mongo", 27017, "shop", "app", "pw"));
    }

    @Test
    void mongodbReplicaSetKeepsAllItsHosts() {
        assertThat(DatabaseUrl.parse("mongodb://m1:27017,m2:27017/shop?replicaSet=rs0", KEY))
                .isEqualTo(new DatabaseUrl("mongodb", "m1:27017,m2:27017", null, "shop", null, null));
    }

    @Test
    void missingDatabaseNameIsNull() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/", KEY).name()).isNull();
        assertThat(DatabaseUrl.parse("jdbc:mysql://h:3306", KEY).name()).isNull();
    }

    @Test
    void rejectsWhatIsNotADatabaseUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2@h/app", KEY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(KEY)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsAnInvalidPort() {
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h:54x2/app?password=hunter2", KEY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(KEY)
                .hasMessageContaining("port")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h:70000/app", KEY))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void rejectsSeveralHosts() {
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://a:5432,b:5432/app", KEY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("several hosts");
    }

    @Test
    void rejectsAMysqlUrlWithoutSlashes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:mysql:shop", KEY))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbc:mysql://host:port/database");
    }

    @Test
    void queryParametersOtherThanCredentialsAreKeptInOrder() {
        assertThat(DatabaseUrl.parameters("jdbc:postgresql://h/app?sslmode=verify-full&user=u&password=p"
                        + "&sslrootcert=%2Fetc%2Fca.pem&ssl"))
                .containsExactly(
                        java.util.Map.entry("sslmode", "verify-full"),
                        java.util.Map.entry("sslrootcert", "/etc/ca.pem"),
                        java.util.Map.entry("ssl", ""));
        assertThat(DatabaseUrl.parameters("jdbc:mysql://h/app")).isEmpty();
        assertThat(DatabaseUrl.parameters(null)).isEmpty();
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?password=hunter2", KEY)
                        .toString())
                .doesNotContain("hunter2");
    }
}
