package dev.rclonebackup.internal.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoTargetTest {

    private static Database entry(String url, String username, String password, Map<String, Object> options) {
        return new Database("app", "mongodb", null, null, null, username, password, url, options);
    }

    @Test
    void takesEverythingFromTheUrl() {
        MongoTarget target = MongoTarget.of(entry(
                "mongodb://shop:p%40ss@db1,db2:27018/shop?replicaSet=rs0&authSource=admin", null, null, Map.of()));

        assertThat(target)
                .isEqualTo(new MongoTarget("mongodb://db1,db2:27018/?replicaSet=rs0", "shop", "shop", "p@ss", "admin"));
    }

    @Test
    void entryCredentialsAndAuthSourceOptionWinOverTheUrls() {
        MongoTarget target = MongoTarget.of(entry(
                "mongodb://url-user:url-pw@h/shop?authSource=admin",
                "entry-user",
                "entry-pw",
                Map.of("auth-source", "users")));

        assertThat(target.username()).isEqualTo("entry-user");
        assertThat(target.password()).isEqualTo("entry-pw");
        assertThat(target.authSource()).isEqualTo("users");
        assertThat(target.serverAddress()).isEqualTo("mongodb://h/");
    }

    @Test
    void aUserIsLookedUpInTheDatabaseUnlessToldOtherwise() {
        assertThat(MongoTarget.of(entry("mongodb://u:p@h/shop", null, null, Map.of()))
                        .authSource())
                .isEqualTo("shop");
        assertThat(MongoTarget.of(entry("mongodb://h/shop", null, null, Map.of()))
                        .authSource())
                .isNull();
        MongoTarget x509 = MongoTarget.of(
                entry("mongodb://CN%3Dclient@h/shop?authMechanism=MONGODB-X509&tls=true", null, null, Map.of()));
        assertThat(x509.authSource()).isNull();
        assertThat(x509.password()).isNull();
        assertThat(x509.serverAddress()).isEqualTo("mongodb://h/?authMechanism=MONGODB-X509&tls=true");
    }

    @Test
    void buildsTheAddressFromDiscreteKeys() {
        Database discrete = new Database("app", "mongodb", "db.example", 27018, "shop", "u", "p", null, Map.of());
        assertThat(MongoTarget.of(discrete))
                .isEqualTo(new MongoTarget("mongodb://db.example:27018/", "shop", "u", "p", "shop"));
        Database ipv6 = new Database("app", "mongodb", "::1", null, "shop", null, null, null, Map.of());
        assertThat(MongoTarget.of(ipv6).serverAddress()).isEqualTo("mongodb://[::1]/");
        Database local = new Database("app", "mongodb", null, null, "shop", null, null, null, Map.of());
        assertThat(MongoTarget.of(local).serverAddress()).isEqualTo("mongodb://localhost/");
    }

    @Test
    void refusesAnEntryWithoutDatabaseName() {
        assertThatThrownBy(() -> MongoTarget.of(entry("mongodb://u:s3cret@h/?w=1", null, null, Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'app' has no MongoDB database name")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesAUserWithoutPasswordRatherThanLetTheToolPrompt() {
        assertThatThrownBy(() -> MongoTarget.of(entry("mongodb://u@h/shop", null, null, Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("user name but no password");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        assertThat(MongoTarget.of(entry("mongodb://u:s3cret@h/shop", null, null, Map.of()))
                        .toString())
                .doesNotContain("s3cret")
                .contains("****");
    }
}
