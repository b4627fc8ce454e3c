package dev.rclonebackup.internal.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import dev.rclonebackup.connector.RcloneSteps;
import dev.rclonebackup.internal.process.PipelineResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real H2 databases backed up to and restored from a local folder through real rclone. */
@Timeout(120)
class H2ConnectorTest {
    private final H2Connector connector = new H2Connector();

    @TempDir
    Path dir;

    private Database fileDatabase(String name) {
        return H2Data.database("jdbc:h2:" + dir.resolve(name));
    }

    private void backup(Database database, Path file) throws Exception {
        PipelineResult result = RcloneSteps.backup(connector.dump(database), file);
        assertThat(result.succeeded()).as("backup: %s", result.rootCause()).isTrue();
    }

    private PipelineResult restore(Database database, Path file) throws Exception {
        return RcloneSteps.restore(connector.restore(database), file);
    }

    private static void sql(Database database, String sql) throws SQLException {
        try (Connection connection = H2Data.open(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void restoresAFileDatabaseRowForRowReplacingWhatWasThere() throws Exception {
        Database source = fileDatabase("source");
        H2Data.populate(source);
        Database target = fileDatabase("target");
        sql(target, "CREATE TABLE leftover (id INT); INSERT INTO leftover VALUES (1)");
        Path backup = dir.resolve("remote/app.sql");

        backup(source, backup);
        PipelineResult restored = restore(target, backup);

        assertThat(restored.succeeded()).as("restore: %s", restored.rootCause()).isTrue();
        assertThat(Files.readString(backup))
                .as("large BLOBs are streamed in parts")
                .contains("SYSTEM_COMBINE_BLOB(");
        Map<String, List<List<Object>>> content = H2Data.content(target);
        assertThat(content).isEqualTo(H2Data.content(source)).containsOnlyKeys("CUSTOMER", "INVOICE");
        assertThat(content.get("INVOICE")).hasSize(3);
        assertThat(content.get("INVOICE").get(2).get(3)).isEqualTo(H2Data.TRICKY_TEXT);
        assertThat(content.get("CUSTOMER").get(0).get(1)).isEqualTo(H2Data.UNICODE_TEXT);
        assertThat(H2Data.nextInvoiceNumber(target)).isEqualTo(1001);
        sql(target, "SELECT COUNT(*) FROM unpaid");
    }

    @Test
    void restoringTheSameBackupTwiceGivesTheSameContent() throws Exception {
        Database source = fileDatabase("source");
        H2Data.populate(source);
        Database target = fileDatabase("target");
        Path backup = dir.resolve("remote/app.sql");
        backup(source, backup);

        assertThat(restore(target, backup).succeeded()).isTrue();
        var afterFirst = H2Data.content(target);
        assertThat(restore(target, backup).succeeded()).isTrue();

        assertThat(H2Data.content(target)).isEqualTo(afterFirst).isEqualTo(H2Data.content(source));
    }

    @Test
    void backsUpAndRestoresThroughAnH2TcpServer() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists")
                .start();
        try {
            String base = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/";
            Database source = H2Data.database(base + "source");
            H2Data.populate(source);
            Database target = H2Data.database(base + "target");
            Path backup = dir.resolve("remote/app.sql");

            backup(source, backup);
            PipelineResult restored = restore(target, backup);

            assertThat(restored.succeeded())
                    .as("restore: %s", restored.rootCause())
                    .isTrue();
            assertThat(H2Data.content(target)).isEqualTo(H2Data.content(source)).containsKeys("CUSTOMER", "INVOICE");
        } finally {
            server.stop();
        }
    }

    @Test
    void writesAScriptThatH2sOwnRunscriptAccepts() throws Exception {
        Database source = fileDatabase("source");
        H2Data.populate(source);
        Path backup = dir.resolve("remote/app.sql");
        backup(source, backup);
        Database target = fileDatabase("target");

        sql(target, "RUNSCRIPT FROM '" + backup + "'");

        assertThat(H2Data.content(target)).isEqualTo(H2Data.content(source));
    }

    @Test
    void aBrokenStatementFailsTheRestoreNamingItsNumberAndLine() throws Exception {
        Path script = dir.resolve("remote/broken.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                CREATE TABLE t (id INT, body VARCHAR);
                INSERT INTO t VALUES (1, 'spans
                two lines; with a semicolon');
                -- a comment line
                INSERT INTO missing_table VALUES (2);
                INSERT INTO t VALUES (3, 'never reached');
                """, StandardCharsets.UTF_8);
        Database target = fileDatabase("target");

        PipelineResult result = restore(target, script);

        assertThat(result.succeeded()).isFalse();
        String message = result.rootCause().orElseThrow().stderr();
        assertThat(message)
                .contains("'app'", "statement 3", "line 5", "INSERT INTO missing_table", "MISSING_TABLE")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void anEmptyBackupLeavesTheDatabaseUntouched() throws Exception {
        Path empty = dir.resolve("remote/empty.sql");
        Files.createDirectories(empty.getParent());
        Files.writeString(empty, "\n\n");
        Database target = fileDatabase("target");
        sql(target, "CREATE TABLE kept (id INT); INSERT INTO kept VALUES (7)");

        PipelineResult result = restore(target, empty);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.rootCause().orElseThrow().stderr()).contains("contains no SQL statement");
        assertThat(H2Data.content(target)).isEqualTo(Map.of("KEPT", List.of(List.of(7))));
    }

    @Test
    void theDumpRefusesToCreateAMissingFileDatabase() throws Exception {
        Database missing = fileDatabase("missing");

        PipelineResult result = RcloneSteps.backup(connector.dump(missing), dir.resolve("remote/missing.sql"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.rootCause().orElseThrow().stderr()).contains("cannot open H2 database 'app'", "not found");
        assertThat(dir.resolve("missing.mv.db")).doesNotExist();
    }

    @Test
    void aWrongPasswordFailsBeforeAnythingIsStreamedAndIsNotRepeated() throws Exception {
        Database source = fileDatabase("source");
        H2Data.populate(source);
        Database wrong = new Database("app", "h2", null, null, null, "sa", "wrong-pw", source.url(), Map.of());

        var restore = connector.restore(wrong);

        assertThatThrownBy(restore::prepare)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'app'")
                .hasMessageContaining("Wrong user name or password")
                .hasMessageNotContaining("wrong-pw");
        restore.close();
    }

    @Test
    void refusesAnInMemoryDatabase() {
        Database memory = H2Data.database("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");

        assertThatThrownBy(() -> connector.dump(memory))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("in-memory")
                .hasMessageContaining("JVM");
        assertThatThrownBy(() -> connector.restore(memory)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void describesItself() {
        assertThat(connector.id()).isEqualTo("h2");
        assertThat(connector.extension()).isEqualTo("sql");
    }
}
