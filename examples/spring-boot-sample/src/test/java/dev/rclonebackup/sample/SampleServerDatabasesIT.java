package dev.rclonebackup.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rclonebackup.testing.LoopbackServer;
import dev.rclonebackup.testing.MariaDbServer;
import dev.rclonebackup.testing.Passwords;
import dev.rclonebackup.testing.PostgresServer;
import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The packaged sample on real PostgreSQL 15 and MariaDB 10.11 servers instead of H2: Flyway
 * migrates it, and the one-shot commands {@code check}, {@code dbbackup}, {@code dbverify}, {@code dbrestore --noinput},
 * {@code dbbackup --all} and {@code cleanup --dry-run} run as {@code java -jar} with the data source
 * given only as {@code SPRING_DATASOURCE_*} environment variables, as a deployment would: the
 * password never appears on a command line or in the output.
 */
class SampleServerDatabasesIT {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String DB_PASSWORD = Passwords.random() + " ü `$(id)` ;|&";

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path dataDir;

    private final String database =
            "notes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private LoopbackServer server;

    @Test
    void oneShotCommandsBackUpCheckVerifyRestoreAndCleanUpAPostgresqlDatabase() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        server = postgres;
        postgres.createRole(database, DB_PASSWORD);
        postgres.createDatabase(database, database);
        superuser("postgres", "ALTER ROLE " + database + " CREATEDB"); // dbverify's scratch database

        oneShotCommandsBackUpCheckVerifyRestoreAndCleanUp("dump");
    }

    @Test
    void oneShotCommandsBackUpCheckVerifyRestoreAndCleanUpAMariadbDatabase() throws Exception {
        MariaDbServer mariadb = MariaDbServer.shared();
        server = mariadb;
        mariadb.createDatabase(database);
        mariadb.createUser(database, DB_PASSWORD);
        mariadb.grantAll(database, database);
        mariadb.grantRestoreScratch(database, database);
        superuser(
                "",
                "GRANT ALL PRIVILEGES ON `" + database.replace("_", "\\_") + "\\_verify\\_%`.* TO '" + database
                        + "'@'%'");

        oneShotCommandsBackUpCheckVerifyRestoreAndCleanUp("sql");
    }

    private void oneShotCommandsBackUpCheckVerifyRestoreAndCleanUp(String extension) throws Exception {
        CommandRun noBackupYet = runCommand("check");
        assertThat(noBackupYet.exitStatus()).as(noBackupYet.output()).isEqualTo(1);
        assertThat(noBackupYet.output()).contains("FAILED default: no backups found");

        try (ConfigurableApplicationContext app = start()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            post(base, "/notes", "buy milk");
            post(base, "/notes", "call Ada");
        }
        List<String> backedUp = notes();
        assertThat(backedUp).containsExactly("buy milk", "call Ada");

        CommandRun backup = runCommand("dbbackup");
        assertThat(backup.exitStatus()).as(backup.output()).isZero();
        List<Path> stored = backups();
        assertThat(stored)
                .singleElement()
                .satisfies(file -> assertThat(file.getFileName().toString())
                        .matches("default-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\." + extension));
        String backupPath = "db/" + stored.get(0).getFileName();

        CommandRun check = runCommand("check");
        assertThat(check.exitStatus()).as(check.output()).isZero();
        assertThat(check.output()).contains("OK default: " + stored.get(0).getFileName());

        CommandRun verify = runCommand("dbverify");
        assertThat(verify.exitStatus()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("Verify completed: " + backupPath + " restores cleanly (");

        superuser(database, "DELETE FROM notes");
        superuser(database, "INSERT INTO notes (text) VALUES ('written after the backup')");

        CommandRun restore = runCommand("dbrestore", "--noinput");
        assertThat(restore.exitStatus()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restore completed from: " + backupPath);
        assertThat(notes()).isEqualTo(backedUp);

        Thread.sleep(1_100); // the backups' names carry the time to the second
        CommandRun all = runCommand("dbbackup", "--all");
        assertThat(all.exitStatus()).as(all.output()).isZero();
        assertThat(backups()).hasSize(2);

        CommandRun dryRun = runCommand("cleanup", "--dry-run", "--rclone-backup.db.cleanup-keep=1");
        assertThat(dryRun.exitStatus()).as(dryRun.output()).isZero();
        assertThat(dryRun.output())
                .contains("Would remove: " + backupPath)
                .contains("Dry run of the cleanup: 1 file would be removed, 1 backup kept; nothing was changed.");
        assertThat(backups()).hasSize(2);

        for (CommandRun run : List.of(noBackupYet, backup, check, verify, restore, all, dryRun)) {
            assertThat(run.output()).doesNotContain(DB_PASSWORD).doesNotContain("Tomcat started");
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(properties());
        args.addAll(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.security.user.password=" + ADMIN_PASSWORD,
                "--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + database,
                "--spring.datasource.password=" + DB_PASSWORD));
        return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
    }

    private List<String> properties() {
        return List.of("--app.data-dir=" + dataDir, "--rclone-backup.remote=" + rclone.plainRemote());
    }

    private CommandRun runCommand(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dataDir, "command-", ".out");
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("sample.jar")).toString()));
        argv.addAll(List.of(command));
        argv.addAll(properties());
        ProcessBuilder builder =
                new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_DATASOURCE_URL", server.jdbcUrl(database));
        environment.put("SPRING_DATASOURCE_USERNAME", database);
        environment.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "The command " + List.of(command) + " did not finish:\n" + Files.readString(output));
        }
        CommandRun run = new CommandRun(process.exitValue(), Files.readString(output));
        System.out.println("$ java -jar app.jar " + String.join(" ", command) + "\n" + run.output() + "(exit "
                + run.exitStatus() + ")");
        return run;
    }

    private void post(String base, String path, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .header("Content-Type", "text/plain")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private List<String> notes() throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = server.connect(database, database, DB_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM notes ORDER BY id")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    private void superuser(String in, String sql) throws SQLException {
        try (Connection connection = server.connectAsSuperuser(in);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(rclone.plainRemote().resolve("db"))) {
            return files.sorted().toList();
        }
    }

    private record CommandRun(int exitStatus, String output) {}
}
