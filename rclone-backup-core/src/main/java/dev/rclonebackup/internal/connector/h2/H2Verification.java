package dev.rclonebackup.internal.connector.h2;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.Verification;
import dev.rclonebackup.internal.connector.ScratchFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies an H2 backup in a new file database inside a private temporary folder, restored there
 * by the connector's normal restore with the configured credentials and the configured URL's
 * settings (such as {@code MODE}), counts its tables and rows, and deletes the folder.
 */
final class H2Verification implements Verification {
    /** H2's own schemas: its catalogue, and the one it adds for MODE=PostgreSQL. */
    private static final String SYSTEM_SCHEMAS = "('INFORMATION_SCHEMA', 'PG_CATALOG')";

    /** URL settings that concern how the configured database is reached or kept, not how scripts run. */
    private static final Set<String> LEFT_OUT =
            Set.of("IFEXISTS", "AUTO_SERVER", "AUTO_SERVER_PORT", "DB_CLOSE_DELAY", "ACCESS_MODE_DATA", "FILE_LOCK");

    private final Database database;
    private Reporter reporter = Reporter.SILENT;
    private ScratchFolder folder;
    private Database scratch;

    H2Verification(Database database) {
        this.database = database;
    }

    @Override
    public Database createScratch(Reporter reporter) throws IOException {
        this.reporter = reporter;
        String configured = H2Url.of(database);
        folder = ScratchFolder.create(reporter);
        Path file = folder.resolve(Verification.scratchName(database.alias(), 100));
        scratch = new Database(
                database.alias(),
                database.engine(),
                null,
                null,
                null,
                database.username(),
                database.password(),
                H2Url.PREFIX + "file:" + file + settings(configured),
                database.options());
        return scratch;
    }

    /** The configured URL's {@code ;KEY=VALUE} settings that also apply to the scratch database. */
    private static String settings(String url) {
        StringBuilder kept = new StringBuilder();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
            if (!parts[i].isBlank() && !LEFT_OUT.contains(key)) {
                kept.append(';').append(parts[i]);
            }
        }
        return kept.toString();
    }

    @Override
    public String scratchName() {
        return scratch == null
                ? "(not created)"
                : scratch.url().substring(H2Url.PREFIX.length()).split(";", 2)[0];
    }

    @Override
    public Contents check() throws IOException {
        try (Connection connection = H2Driver.connect(scratch, scratch.url(), true);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_TYPE IN ('BASE TABLE', 'TABLE') AND TABLE_SCHEMA NOT IN " + SYSTEM_SCHEMAS)) {
                while (rs.next()) {
                    tables.add(identifier(rs.getString(1)) + "." + identifier(rs.getString(2)));
                }
            }
            long rows = 0;
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
            return new Contents(tables.size(), rows);
        } catch (SQLException e) {
            throw new IOException("H2 could not read the restored database: " + H2Messages.of(e), e);
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Deletes the temporary folder with the scratch file and anything the engine left beside it. */
    @Override
    public void close() {
        if (folder != null) {
            folder.close();
            folder = null;
        }
    }
}
