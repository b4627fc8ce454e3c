package dev.rclonebackup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway PostgreSQL 15 server on 127.0.0.1: its own data folder, unix-socket folder and
 * free port, password (SCRAM) authentication over TCP, deleted whole when stopped. Tests share
 * one per JVM through {@link #shared()}, because starting a cluster takes seconds.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
 * {@code postgres} account and owns its folders.
 */
public final class PostgresServer extends LoopbackServer {
    /** Where Debian's postgresql-15 package installs the server programs. */
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private static final String PACKAGE = "postgresql-15";
    private static final String SERVICE_ACCOUNT = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 3;
    private static final String POSTGIS_TEMPLATE = "postgis_template";

    private static PostgresServer shared;

    private final Path root;
    private final Path dataDir;
    private final Thread shutdownHook;
    private boolean stopped;
    private boolean postgisTemplateCreated;

    private PostgresServer(Path root, Path dataDir, int port, String superuserPassword) {
        super("postgresql", SUPERUSER, port, superuserPassword);
        this.root = root;
        this.dataDir = dataDir;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server shared by every test in this JVM, started on first use and stopped at exit. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts a new server of its own; {@link #close()} stops and deletes it. */
    public static PostgresServer start() {
        return start(null);
    }

    /**
     * Starts a new server of its own that also accepts TLS with {@code tls}'s server certificate
     * (its key copied into the server's folder, owned by the server's account, mode 0600).
     */
    public static PostgresServer startWithTls(TestCertificates tls) {
        return start(tls);
    }

    private static PostgresServer start(TestCertificates tls) {
        Path initdb = ServerBinaries.require(BIN.resolve("initdb"), PACKAGE);
        ServerBinaries.require(BIN.resolve("pg_ctl"), PACKAGE);
        ServerBinaries.require(BIN.resolve("postgres"), PACKAGE);
        Path root = ScratchDirectory.create("rclone-backup-postgres-");
        try {
            Path dataDir = root.resolve("data");
            Path socketDir = Files.createDirectory(root.resolve("socket"));
            Path passwordFile = root.resolve("superuser-password");
            String password = Passwords.random();
            Files.writeString(passwordFile, password);
            List<String> tlsConfig = new ArrayList<>();
            if (tls != null) {
                Path certificate = Files.copy(tls.certificate(), root.resolve("server.pem"));
                Path key = Files.copy(tls.key(), root.resolve("server.key"));
                Files.setPosixFilePermissions(
                        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                tlsConfig.addAll(
                        List.of("ssl = on", "ssl_cert_file = '" + certificate + "'", "ssl_key_file = '" + key + "'"));
            }
            if (ServerBinaries.runningAsRoot()) {
                ScratchDirectory.giveTo(root, SERVICE_ACCOUNT);
            }
            asServiceAccount(List.of(
                    initdb.toString(),
                    "--pgdata=" + dataDir,
                    "--username=" + SUPERUSER,
                    "--pwfile=" + passwordFile,
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    "--no-locale",
                    "--no-sync"));
            Files.delete(passwordFile);
            return startCluster(root, dataDir, socketDir, password, tlsConfig);
        } catch (IOException | RuntimeException e) {
            ScratchDirectory.delete(root);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static PostgresServer startCluster(
            Path root, Path dataDir, Path socketDir, String password, List<String> extraConfig) throws IOException {
        Path config = dataDir.resolve("postgresql.conf");
        String baseConfig = Files.readString(config);
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = FreePorts.loopback();
            Files.writeString(
                    config,
                    baseConfig
                            + String.join(
                                    "\n",
                                    "listen_addresses = '127.0.0.1'",
                                    "port = " + port,
                                    "unix_socket_directories = '" + socketDir + "'",
                                    // A throwaway cluster need not survive a power cut; this keeps tests fast.
                                    "fsync = off",
                                    "synchronous_commit = off",
                                    "full_page_writes = off",
                                    String.join("\n", extraConfig),
                                    ""),
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                asServiceAccount(List.of(
                        BIN.resolve("pg_ctl").toString(),
                        "start",
                        "--pgdata=" + dataDir,
                        "--log=" + root.resolve("server.log"),
                        "--wait",
                        "--timeout=60"));
                return new PostgresServer(root, dataDir, port, password);
            } catch (IllegalStateException e) {
                // Most likely another process took the port in the meantime: try another one.
                lastFailure = e;
            }
        }
        throw new IllegalStateException("PostgreSQL did not start: " + serverLog(root), lastFailure);
    }

    private static String serverLog(Path root) {
        try {
            return Files.readString(root.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static String asServiceAccount(List<String> argv) {
        List<String> command = new ArrayList<>();
        if (ServerBinaries.runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
        }
        command.addAll(argv);
        return ExternalCommand.run(command, null, SETUP_TIMEOUT);
    }

    /** Creates a login role that is not a superuser and cannot create databases or roles. */
    public void createRole(String name, String password) {
        execute("CREATE ROLE " + Sql.identifier(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                + Sql.literal(password));
    }

    /** Creates an empty database owned by {@code owner}. */
    public void createDatabase(String name, String owner) {
        execute("CREATE DATABASE " + Sql.identifier(name) + " OWNER " + Sql.identifier(owner));
    }

    /**
     * Creates a database owned by {@code owner} in which the superuser has created the PostGIS
     * extension; copied from a template made once, because creating PostGIS takes seconds.
     */
    public void createPostgisDatabase(String name, String owner) {
        execute("CREATE DATABASE " + Sql.identifier(name) + " TEMPLATE " + Sql.identifier(postgisTemplate()) + " OWNER "
                + Sql.identifier(owner));
    }

    private synchronized String postgisTemplate() {
        if (!postgisTemplateCreated) {
            execute("CREATE DATABASE " + Sql.identifier(POSTGIS_TEMPLATE));
            try (Connection connection = connectAsSuperuser(POSTGIS_TEMPLATE);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION postgis");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create PostGIS in the test server: " + e.getMessage(), e);
            }
            postgisTemplateCreated = true;
        }
        return POSTGIS_TEMPLATE;
    }

    /** Drops {@code name} even while clients are connected to it. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + Sql.identifier(name) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = connectAsSuperuser("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test server refused a setup statement: " + e.getMessage(), e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes its folders. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            asServiceAccount(
                    List.of(BIN.resolve("pg_ctl").toString(), "stop", "--pgdata=" + dataDir, "--mode=fast", "--wait"));
        } finally {
            ScratchDirectory.delete(root);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // Called from the hook itself.
            }
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the PostgreSQL test server in " + root + ": " + e.getMessage());
        }
    }
}
