package dev.rclonebackup.internal.connector.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExtensionNamePatternTest {

    /** The regular expression pg_dump makes of a pattern without quotes or dots: anchored, {@code *} as {@code .*}. */
    private static Pattern asPgDumpMatchesIt(String pattern) {
        return Pattern.compile("^(" + pattern.replace("*", ".*") + ")$");
    }

    @Test
    void spellsOutEveryWayOfNotStartingWithThePrefix() {
        assertThat(ExtensionNamePattern.notStartingWith("ab")).isEqualTo("[^a]*|a[^b]*|a");
    }

    @Test
    void matchesEveryExtensionButThePostgisFamily() {
        Pattern pattern = asPgDumpMatchesIt(ExtensionNamePattern.notStartingWith("postgis"));

        assertThat(pattern.matcher("postgis").matches()).isFalse();
        assertThat(pattern.matcher("postgis_topology").matches()).isFalse();
        assertThat(pattern.matcher("postgis_raster").matches()).isFalse();
        assertThat(pattern.matcher("plpgsql").matches()).isTrue();
        assertThat(pattern.matcher("pg_trgm").matches()).isTrue();
        assertThat(pattern.matcher("postgres_fdw").matches()).isTrue();
        assertThat(pattern.matcher("postgi").matches()).isTrue();
        assertThat(pattern.matcher("hstore").matches()).isTrue();
        assertThat(pattern.matcher("address_standardizer").matches()).isTrue();
    }

    @Test
    void refusesAPrefixThatWouldBeReadAsPatternSyntax() {
        assertThatThrownBy(() -> ExtensionNamePattern.notStartingWith("post.gis"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
