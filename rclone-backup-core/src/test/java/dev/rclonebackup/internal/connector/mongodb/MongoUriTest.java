package dev.rclonebackup.internal.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoUriTest {

    @Test
    void parsesASingleHostWithDatabase() {
        MongoUri uri = MongoUri.parse("app", "mongodb://db.example:27017/shop");

        assertThat(uri.srv()).isFalse();
        assertThat(uri.hosts()).containsExactly("db.example:27017");
        assertThat(uri.database()).isEqualTo("shop");
        assertThat(uri.username()).isNull();
        assertThat(uri.password()).isNull();
        assertThat(uri.options()).isEmpty();
        assertThat(uri.serverAddress()).isEqualTo("mongodb://db.example:27017/");
    }

    @Test
    void parsesAReplicaSetWithCredentialsAndOptions() {
        MongoUri uri = MongoUri.parse(
                "app", "mongodb://shop:s3cret@db1:27017,db2,[::1]:27018/shop?replicaSet=rs0&authSource=admin&tls=true");

        assertThat(uri.hosts()).containsExactly("db1:27017", "db2", "[::1]:27018");
        assertThat(uri.username()).isEqualTo("shop");
        assertThat(uri.password()).isEqualTo("s3cret");
        assertThat(uri.option("authsource")).isEqualTo("admin");
        assertThat(uri.option("replicaSet")).isEqualTo("rs0");
        assertThat(uri.option("w")).isNull();
        assertThat(uri.serverAddress("authSource"))
                .isEqualTo("mongodb://db1:27017,db2,[::1]:27018/?replicaSet=rs0&tls=true");
    }

    @Test
    void percentDecodesUserPasswordDatabaseAndOptionValues() {
        MongoUri uri = MongoUri.parse(
                "app", "mongodb://J%C3%BCrgen%3Ax:p%40ss%3Aw%2Fd+%25@localhost/caf%C3%A9?authSource=%24external");

        assertThat(uri.username()).isEqualTo("Jürgen:x");
        assertThat(uri.password()).isEqualTo("p@ss:w/d+%");
        assertThat(uri.database()).isEqualTo("café");
        assertThat(uri.option("authSource")).isEqualTo("$external");
    }

    @Test
    void keepsAPasswordWithoutDatabaseAndAnEmptyPassword() {
        assertThat(MongoUri.parse("app", "mongodb://u:@h").password()).isEmpty();
        MongoUri noDatabase = MongoUri.parse("app", "mongodb://u:p@h/?w=majority");
        assertThat(noDatabase.database()).isNull();
        assertThat(noDatabase.options()).containsExactly("w=majority");
        assertThat(MongoUri.parse("app", "mongodb://u@h/db").password()).isNull();
    }

    @Test
    void parsesSrvUrls() {
        MongoUri uri = MongoUri.parse("app", "mongodb+srv://u:p@cluster0.example.net/shop?retryWrites=true");

        assertThat(uri.srv()).isTrue();
        assertThat(uri.hosts()).containsExactly("cluster0.example.net");
        assertThat(uri.serverAddress()).isEqualTo("mongodb+srv://cluster0.example.net/?retryWrites=true");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "postgresql://u:s3cret@h/db | must start with mongodb://",
                "mongodb://u:s3cret@/db | needs a host",
                "mongodb://u:s3cret@h1,,h2/db | no empty host",
                "mongodb://u:s3cret@h?w=1 | options must follow a '/'",
                "mongodb://u:s3c@ret@h/db | '@' in the user name or password must be written %40",
                "mongodb://:s3cret@h/db | user name before '@' is empty",
                "mongodb://u:s3cret%zz@h/db | password has a '%' not followed by two hexadecimal digits",
                "mongodb://u:s3cret@h/db%4 | database name has a '%'",
                "mongodb://u:s3cret@h/db?tls | not written key=value",
                "mongodb+srv://u:s3cret@h:27017/db | exactly one host name, without a port",
                "mongodb+srv://u:s3cret@h1,h2/db | exactly one host name"
            })
    void refusesInvalidUrlsWithoutRepeatingThem(String url, String reason) {
        assertThatThrownBy(() -> MongoUri.parse("app", url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Database 'app' has an invalid MongoDB URL: ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("s3c");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        assertThat(MongoUri.parse("app", "mongodb://u:s3cret@h/db"))
                .hasToString("MongoUri[mongodb://h/, database=db, username=u, password=****]");
        assertThat(List.of(MongoUri.parse("app", "mongodb://u:s3cret@h/db")).toString())
                .doesNotContain("s3cret");
    }
}
