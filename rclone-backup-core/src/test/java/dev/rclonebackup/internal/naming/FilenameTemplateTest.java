package dev.rclonebackup.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilenameTemplateTest {
    private static final Instant NOON = Instant.parse("2024-01-15T12:00:00Z");
    private final FilenameTemplate defaults = FilenameTemplate.of("{database}-{datetime}.{ext}", "yyyy-MM-dd-HHmmss");

    @Test
    void rendersTheNameDjangoRcloneWritesByDefault() {
        assertThat(defaults.render("default", NOON, "dump")).isEqualTo("default-2024-01-15-120000.dump");
    }

    @ParameterizedTest
    @CsvSource({
        "default-2024-01-15-120000.dump, default",
        "my-db-2024-01-15-120000.sql, my-db",
        "analytics_2-2023-12-31-235959.sqlite3, analytics_2",
    })
    void parsesTheAliasBack(String name, String alias) {
        assertThat(defaults.databaseOf(name)).contains(alias);
    }

    @Test
    void parsesTheTimestampBack() {
        assertThat(defaults.timeOf("my-db-2024-01-15-120000.dump")).contains(NOON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "default-2024-01-15-120000.dump.partial-1a2b3c",
                "default-2024-13-45-999999.dump",
                "default.dump",
                "notes.txt",
                "-2024-01-15-120000.dump",
                "de fault-2024-01-15-120000.dump",
            })
    void rejectsNamesThatAreNotBackups(String name) {
        assertThat(defaults.databaseOf(name)).isEmpty();
    }

    @Test
    void honoursACustomTemplateAndFormat() {
        FilenameTemplate custom = FilenameTemplate.of("{database}_{ext}_{datetime}.bak", "yyyyMMdd'T'HHmm");
        String name = custom.render("app", NOON, "sql");
        assertThat(name).isEqualTo("app_sql_20240115T1200.bak");
        assertThat(custom.databaseOf(name)).contains("app");
        assertThat(custom.timeOf(name)).contains(NOON);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{database}-{datetime}/{ext}|'/' or '\\'",
                "{database}-{datetime}\\x.{ext}|'/' or '\\'",
                "backup-{database}-{datetime}.{ext}|start with {database}",
                "{database}{datetime}.{ext}|separator",
                "{database}-{datetime}-{datetime}.{ext}|{datetime} more than once",
                "{database}-{database}-{datetime}|{database} more than once",
                "{database}-{date}.{ext}|unknown placeholder {date}",
                "{database}-backup.{ext}|must contain {datetime}",
                "{database}-{datetime}.{ext}}|unbalanced",
            })
    void rejectsBrokenTemplatesNamingTheKey(String template, String problem) {
        assertThatThrownBy(() -> FilenameTemplate.of(template, "yyyy-MM-dd-HHmmss"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("db.filename-template")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yyyy/MM/dd", "bogus-ppp-{", ""})
    void rejectsBadDateFormatsNamingTheKey(String format) {
        assertThatThrownBy(() -> FilenameTemplate.of("{database}-{datetime}.{ext}", format))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("db.date-format");
    }

    @ParameterizedTest
    @CsvSource({
        "'{database}-{datetime}\u0000.{ext}', yyyy-MM-dd-HHmmss, db.filename-template, U+0000",
        "'{database}-{datetime}\n.{ext}',     yyyy-MM-dd-HHmmss, db.filename-template, U+000A",
        "'{database}-{datetime}.{ext}',        'yyyy-MM-dd\u001bHHmmss', db.date-format, U+001B",
        "'{database}-{datetime}.{ext}',        'yyyy-MM-dd\u007fHHmmss', db.date-format, U+007F",
    })
    void controlCharactersAreRefusedNamingTheKey(String template, String dateFormat, String key, String character) {
        String realTemplate = template.translateEscapes();
        String realFormat = dateFormat.translateEscapes();
        assertThatThrownBy(() -> FilenameTemplate.of(realTemplate, realFormat))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(key + " must not contain control characters")
                .hasMessageContaining(character);
    }
}
