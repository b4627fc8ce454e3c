package dev.rclonebackup.internal.connector.postgresql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database-wide settings ({@code ALTER DATABASE … SET}) of the database a backup was made
 * from. pg_dump keeps them in the archive's {@code DATABASE PROPERTIES} entry, which pg_restore
 * only applies when it creates the database itself ({@code --create}); a restore into an
 * existing database compares them with the target's instead.
 */
final class DatabaseSettings {
    private static final Pattern SETTING = Pattern.compile(
            "^ALTER DATABASE (?:\"(?:[^\"]|\"\")*\"|\\S+) SET ([A-Za-z_][A-Za-z0-9_.]*) (?:TO|=) (.*);\\s*$");

    private DatabaseSettings() {}

    /** Each setting's name (lower case) and value as SQL, from the script of the {@code DATABASE PROPERTIES} entry. */
    static Map<String, String> parse(List<String> script) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : script) {
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                settings.put(setting.group(1).toLowerCase(Locale.ROOT), setting.group(2));
            }
        }
        return settings;
    }

    /** The statement that gives {@code database} the setting. */
    static String statement(String database, String name, String value) {
        return "ALTER DATABASE \"" + database.replace("\"", "\"\"") + "\" SET " + name + " TO " + value + ";";
    }
}
