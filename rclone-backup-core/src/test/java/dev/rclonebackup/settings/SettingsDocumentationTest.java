package dev.rclonebackup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of settings in docs/configuration.md says what the schema says, row for row. */
class SettingsDocumentationTest {
    static final String HEADER = "| key | type | default | environment variable | description |";
    private static final Path README = Path.of("..", "docs", "configuration.md");

    /** The table as the schema renders it. */
    static List<String> expectedTable() {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add("|---|---|---|---|---|");
        for (Setting<?> setting : Setting.all()) {
            rows.add("| `" + setting.key() + "` | " + setting.type().description() + " | "
                    + setting.defaultText().map(text -> "`" + text + "`").orElse("—")
                    + " | "
                    + setting.environmentVariable()
                            .map(name -> "`" + name + "`")
                            .orElse("—")
                    + " | " + setting.description() + " |");
        }
        return rows;
    }

    @Test
    void theReadmeListsEverySettingAsTheSchemaDescribesIt() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(HEADER);
        assertThat(start)
                .as("docs/configuration.md has a table starting with " + HEADER)
                .isNotNegative();
        List<String> table = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            table.add(lines.get(i));
        }

        assertThat(String.join("\n", table))
                .as("docs/configuration.md's table of settings; paste the expected text to update it")
                .isEqualTo(String.join("\n", expectedTable()));
    }
}
