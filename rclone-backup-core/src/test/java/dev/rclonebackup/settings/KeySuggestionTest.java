package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySuggestionTest {
    private static final List<String> DATABASE_KEYS =
            List.of("url", "engine", "name", "host", "port", "username", "password", "options");

    @ParameterizedTest
    @CsvSource({
        "pasword, password",
        "usernme, username",
        "user, username",
        "pass, password",
        "Port, port",
        "engin, engine",
        "option, options",
        "host_, host",
    })
    void suggestsTheKeyMeant(String typed, String meant) {
        assertThat(KeySuggestion.nearest(typed, DATABASE_KEYS)).contains(meant);
    }

    @Test
    void suggestsNothingForUnrelatedKeys() {
        assertThat(KeySuggestion.nearest("timeout", DATABASE_KEYS)).isEmpty();
        assertThat(KeySuggestion.hint("timeout", DATABASE_KEYS, "databases.x."))
                .isEqualTo("; known are url, engine, name, host, port, username, password, options");
    }

    @Test
    void hintPrefixesTheSuggestion() {
        assertThat(KeySuggestion.hint("flag", List.of("binary", "config", "flags"), "rclone."))
                .isEqualTo("; did you mean 'rclone.flags'?");
    }

    @Test
    void distanceCountsEdits() {
        assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
        assertThat(KeySuggestion.distance("same", "same")).isZero();
    }
}
