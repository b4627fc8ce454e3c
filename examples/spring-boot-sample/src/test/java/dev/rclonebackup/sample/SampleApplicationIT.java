package dev.rclonebackup.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rclonebackup.MediaBackupOptions;
import dev.rclonebackup.MediaRestoreOptions;
import dev.rclonebackup.spring.RcloneBackupOperations;
import dev.rclonebackup.testing.RcloneFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The sample application end to end, on its H2 file database and a real rclone local-folder
 * remote: a one-shot restore failing with the command line's message and status, health UNKNOWN
 * without backups (a fresh deployment), the Actuator endpoints closed to anonymous callers but
 * for the health's status, a backup through the Actuator endpoint, health UP, data
 * changed, a restore through the one-shot command {@code dbrestore} while the application's Flyway
 * migration and schema script fail (it runs neither and opens no port), the data back; the uploads
 * folder backed up and restored through the operations bean. One-shot commands run as
 * {@code java -jar} on the repackaged application, so this runs after {@code package}; SIGTERM
 * stops one, and a schedule does not fire during one.
 */
class SampleApplicationIT {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";

    @RegisterExtension
    final RcloneFixture rclone = new RcloneFixture();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void backsUpThroughTheEndpointAndRestoresThroughAOneShotCommand() throws Exception {
        Path remote = rclone.plainRemote();
        CommandRun nothingToRestore = runCommand("dbrestore", "--noinput");
        assertThat(nothingToRestore.exitStatus()).as(nothingToRestore.output()).isEqualTo(1);
        assertThat(nothingToRestore.output()).contains("Error: No backups found for database 'default'");

        List<String> backups;
        try (ConfigurableApplicationContext app = start()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            send(base, "POST", "/notes", "buy milk");
            send(base, "POST", "/notes", "call Ada");
            HttpResponse<String> upload = send(base, "PUT", "/uploads/photo.jpg", "jpeg bytes");
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(204);

            // A fresh deployment without a backup yet: UNKNOWN, which leaves the application UP.
            JsonNode healthBefore = awaitBackupsHealth(
                    base, health -> !health.at("/details/checked").asString().equals("not yet"));
            assertThat(healthBefore.at("/status").asString()).isEqualTo("UNKNOWN");
            assertThat(healthBefore.at("/details/databases/default/problem").asString())
                    .isEqualTo("no backups found");
            assertThat(send(base, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);

            // Anonymous callers: the health's status only, and no backup.
            HttpResponse<String> anonymousHealth = sendAnonymously(base, "GET", "/actuator/health", null);
            assertThat(anonymousHealth.statusCode()).isEqualTo(200);
            assertThat(json(anonymousHealth).has("components")).isFalse();
            assertThat(sendAnonymously(base, "POST", "/actuator/backups", "{\"database\":\"default\"}")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(sendAnonymously(base, "GET", "/actuator/backups", null).statusCode())
                    .isEqualTo(401);
            assertThat(send(base, "POST", "/actuator/backups", "{\"database\":\"default\"}", "admin:wrong")
                            .statusCode())
                    .isEqualTo(401);
            // What a cross-site form could send, even with the browser's credentials: refused.
            assertThat(send(base, "POST", "/actuator/backups", "database=default")
                            .statusCode())
                    .isEqualTo(415);
            assertThat(remote.resolve("db")).doesNotExist();

            HttpResponse<String> backup = send(base, "POST", "/actuator/backups", "{\"database\":\"default\"}");
            assertThat(backup.statusCode()).isEqualTo(200);
            String path = json(backup).at("/path").asString();
            assertThat(path).matches("db/default-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.sql");
            assertThat(remote.resolve(path)).isRegularFile();
            backups = app.getBean(BackupAudit.class).storedBackups();
            assertThat(backups).containsExactly(path);

            app.getBean(BackupAudit.class).setMaintenance(true);
            assertThat(send(base, "POST", "/actuator/backups", "{\"database\":\"default\"}")
                            .statusCode())
                    .isEqualTo(500);
            app.getBean(BackupAudit.class).setMaintenance(false);
            try (Stream<Path> stored = Files.list(remote.resolve("db"))) {
                assertThat(stored).containsExactly(remote.resolve(path));
            }

            // The backup made the health check again, in the background.
            JsonNode healthAfter = awaitBackupsHealth(
                    base, health -> health.at("/status").asString().equals("UP"));
            assertThat(healthAfter.at("/details/databases/default/newest").asString())
                    .isEqualTo(path.substring("db/".length()));
            assertThat(json(send(base, "GET", "/actuator/backups", null))
                            .at("/backups/0/name")
                            .asString())
                    .isEqualTo(path.substring("db/".length()));
            String tags = "?tag=database:default&tag=operation:db-backup";
            HttpResponse<String> successes =
                    send(base, "GET", "/actuator/metrics/rclone.backup.duration" + tags + "&tag=outcome:success", null);
            assertThat(successes.statusCode()).isEqualTo(200);
            assertThat(json(successes).at("/measurements/0/statistic").asString())
                    .isEqualTo("COUNT");
            assertThat(json(successes).at("/measurements/0/value").asDouble()).isEqualTo(1.0);
            HttpResponse<String> failures = send(base, "GET", "/actuator/metrics/rclone.backup.failures" + tags, null);
            assertThat(json(failures).at("/measurements/0/value").asDouble()).isEqualTo(1.0);

            RcloneBackupOperations operations = app.getBean(RcloneBackupOperations.class);
            operations.mediaBackup(MediaBackupOptions.DEFAULTS);
            assertThat(remote.resolve("media/photo.jpg")).hasContent("jpeg bytes");

            send(base, "DELETE", "/notes", null);
            send(base, "POST", "/notes", "written after the backup");
            Files.delete(dataDir.resolve("uploads/photo.jpg"));
        }

        // A migration and a schema script that fail: the application no longer starts, yet restores.
        Path migrations = Files.createDirectories(dataDir.resolve("broken-migrations"));
        Files.writeString(migrations.resolve("V2__broken.sql"), "NOT SQL AT ALL (migration);");
        Path schema = Files.writeString(dataDir.resolve("broken-schema.sql"), "NOT SQL AT ALL (schema script);");
        List<String> brokenStartUp = List.of(
                "--spring.flyway.locations=classpath:db/migration,filesystem:" + migrations,
                "--spring.sql.init.mode=always",
                "--spring.sql.init.schema-locations=file:" + schema);
        assertThatThrownBy(() -> start(brokenStartUp).close()).hasStackTraceContaining("NOT SQL AT ALL");

        // The restore's pre-db-restore hook lists the TCP ports its parent, the application, listens on.
        Path listening = dataDir.resolve("listening");
        Path portCheck = script("port-check.sh", "ss -ltnp | grep \"pid=$PPID,\" > '" + listening + "'\ntrue");
        List<String> restoreCommand = new ArrayList<>(List.of(
                "dbrestore",
                "--noinput",
                "--logging.level.root=INFO",
                "--rclone-backup.hooks.pre-db-restore[0]=" + portCheck));
        restoreCommand.addAll(brokenStartUp);
        CommandRun restore = runCommand(restoreCommand.toArray(String[]::new));
        assertThat(restore.exitStatus()).as(restore.output()).isZero();
        assertThat(restore.output())
                .contains("Restoring database 'default' from " + backups.get(0))
                .contains("Restore completed from: " + backups.get(0))
                .doesNotContain("Notes application ready")
                .doesNotContain("Tomcat started")
                .doesNotContain("NOT SQL AT ALL");
        assertThat(listening)
                .as("the ports the application listened on")
                .exists()
                .isEmptyFile();

        CommandRun list = runCommand("listbackups");
        assertThat(list.exitStatus()).as(list.output()).isZero();
        assertThat(list.output())
                .contains(backups.get(0).substring("db/".length()))
                .doesNotContain("Notes application ready");

        try (ConfigurableApplicationContext app = start()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(send(base, "GET", "/notes", null).body()).isEqualTo("[\"buy milk\",\"call Ada\"]");
            assertThat(send(base, "GET", "/actuator/health", null).statusCode()).isEqualTo(200);

            app.getBean(RcloneBackupOperations.class).mediaRestore(MediaRestoreOptions.DEFAULTS);
            assertThat(send(base, "GET", "/uploads/photo.jpg", null).body()).isEqualTo("jpeg bytes");
        }
    }

    @Test
    void sigtermDuringAOneShotBackupEndsItsHookAndExits143() throws Exception {
        Path started = dataDir.resolve("hook-started");
        Path hook = script("slow-hook.sh", "touch '" + started + "'\nsleep 30");
        Path output = dataDir.resolve("dbbackup.out");
        Process process = startJar(output, "dbbackup", "--rclone-backup.hooks.pre-db-backup[0]=" + hook);

        awaitOrFail(() -> Files.exists(started), process, output, "the pre-db-backup hook to start");
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();

        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("ended after SIGTERM")
                .isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(143);
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(rclone.plainRemote().resolve("db"))
                .satisfiesAnyOf(
                        db -> assertThat(db).doesNotExist(),
                        db -> assertThat(db).isEmptyDirectory());
    }

    @Test
    void noScheduledBackupRunsDuringAOneShotCommand() throws Exception {
        Path backupStarted = dataDir.resolve("backup-started");
        Path hook = script("mark-backup.sh", "touch '" + backupStarted + "'");
        Path calls = dataDir.resolve("rclone-calls");
        Path slowRclone = script("slow-rclone.sh", "echo \"$*\" >> '" + calls + "'\nsleep 3\nexec rclone \"$@\"");

        CommandRun list = runCommand(
                "listbackups",
                "--rclone-backup.schedule.db.cron=* * * * * *",
                "--rclone-backup.hooks.pre-db-backup[0]=" + hook,
                "--rclone-backup.rclone.binary=" + slowRclone);

        assertThat(list.exitStatus()).as(list.output()).isZero();
        assertThat(Files.readAllLines(calls)).isNotEmpty().noneMatch(call -> call.contains("rcat"));
        assertThat(backupStarted).doesNotExist();
    }

    private ConfigurableApplicationContext start() {
        return start(List.of());
    }

    private ConfigurableApplicationContext start(List<String> extraArguments) {
        List<String> args = new ArrayList<>(properties());
        args.addAll(extraArguments);
        return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
    }

    private List<String> properties() {
        return List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--app.data-dir=" + dataDir,
                "--rclone-backup.remote=" + rclone.plainRemote(),
                "--spring.security.user.password=" + ADMIN_PASSWORD);
    }

    private CommandRun runCommand(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dataDir, "command-", ".out");
        Process process = startJar(output, command);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "The command " + List.of(command) + " did not finish:\n" + Files.readString(output));
        }
        return new CommandRun(process.exitValue(), Files.readString(output));
    }

    /** Starts {@code java -jar} on the repackaged application with {@code command}, output and errors to {@code output}. */
    private Process startJar(Path output, String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("sample.jar")).toString()));
        argv.addAll(List.of(command));
        argv.addAll(properties());
        return new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private Path script(String name, String body) throws IOException {
        Path script = dataDir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private static void awaitOrFail(BooleanSupplier condition, Process process, Path output, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Gave up waiting for " + what + ":\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
    }

    /** The rcloneBackup health component, once {@code condition} holds (the health is checked in the background). */
    private JsonNode awaitBackupsHealth(String base, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode health = json(send(base, "GET", "/actuator/health", null)).at("/components/rcloneBackup");
            if (condition.test(health)) {
                return health;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for the backups' health, last: " + health);
            }
            Thread.sleep(50);
        }
    }

    /** Sends a request as the sample's Actuator user. */
    private HttpResponse<String> send(String base, String method, String path, String body)
            throws IOException, InterruptedException {
        return send(base, method, path, body, ADMIN + ":" + ADMIN_PASSWORD);
    }

    private HttpResponse<String> sendAnonymously(String base, String method, String path, String body)
            throws IOException, InterruptedException {
        return send(base, method, path, body, null);
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null && body.startsWith("{")) {
            request.header("Content-Type", "application/json");
        } else if (body != null) {
            request.header("Content-Type", "text/plain");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return new ObjectMapper().readTree(response.body());
    }

    private record CommandRun(int exitStatus, String output) {}
}
