package dev.rclonebackup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB 10.11 server on 127.0.0.1: its own data folder, socket and free port,
 * listening on loopback only, deleted whole when stopped. Tests share one per JVM through
 * {@link #shared()}, because creating the system tables takes seconds.
 *
 * <p>{@code root} logs in without a password over the private unix socket (used only to set the
 * server up) and with {@link #superuserPassword()} over TCP.
 */
public final class MariaDbServer extends LoopbackServer {
    private static final String PACKAGE = "mariadb-server";
    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final Path ADMIN = Path.of("/usr/bin/mariadb-admin");
    private static final String SUPERUSER = "root";
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);
    private static final long READY_TIMEOUT_MILLIS = 60_000;
    private static final int START_ATTEMPTS = 3;

    private static MariaDbServer shared;

    private final Path root;
    private final Process server;
    private final Thread shutdownHook;
    private boolean stopped;

    private MariaDbServer(Path root, Process server, int port, String superuserPassword) {
        super("mariadb", SUPERUSER, port, superuserPassword);
        this.root = root;
        this.server = server;
        this.shutdownHook = new Thread(this::stopQuietly, "mariadb-test-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server shared by every test in this JVM, started on first use and stopped at exit. */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts a new server of its own; {@link #close()} stops and deletes it. */
    public static MariaDbServer start() {
        return start(List.of());
    }

    /** Starts a new server of its own that also accepts TLS with {@code tls}'s server certificate. */
    public static MariaDbServer startWithTls(TestCertificates tls) {
        return start(
                List.of("--ssl-cert=" + tls.certificate(), "--ssl-key=" + tls.key(), "--ssl-ca=" + tls.authority()));
    }

    private static MariaDbServer start(List<String> extraOptions) {
        ServerBinaries.require(SERVER, PACKAGE);
        ServerBinaries.require(INSTALL_DB, PACKAGE);
        ServerBinaries.require(CLIENT, "mariadb-client");
        ServerBinaries.require(ADMIN, "mariadb-client");
        Path root = ScratchDirectory.create("rclone-backup-mariadb-");
        try {
            Path dataDir = root.resolve("data");
            List<String> install = new ArrayList<>(List.of(
                    INSTALL_DB.toString(),
                    "--no-defaults",
                    "--datadir=" + dataDir,
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db",
                    "--skip-name-resolve"));
            if (ServerBinaries.runningAsRoot()) {
                install.add("--user=root");
            }
            ExternalCommand.run(install, null, SETUP_TIMEOUT);
            String password = Passwords.random();
            IllegalStateException lastFailure = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = FreePorts.loopback();
                Process server = launch(root, dataDir, port, extraOptions);
                try {
                    awaitReady(root, server);
                    ExternalCommand.run(
                            List.of(
                                    CLIENT.toString(),
                                    "--no-defaults",
                                    "--socket=" + socket(root),
                                    "--user=" + SUPERUSER),
                            tcpSuperuser(password),
                            SETUP_TIMEOUT);
                    return new MariaDbServer(root, server, port, password);
                } catch (IllegalStateException e) {
                    // Most likely another process took the port in the meantime: try another one.
                    server.destroyForcibly().waitFor();
                    lastFailure = e;
                }
            }
            throw lastFailure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ScratchDirectory.delete(root);
            throw new IllegalStateException("Interrupted while starting MariaDB", e);
        } catch (RuntimeException e) {
            ScratchDirectory.delete(root);
            throw e;
        }
    }

    private static Process launch(Path root, Path dataDir, int port, List<String> extraOptions) {
        List<String> argv = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + dataDir,
                "--socket=" + socket(root),
                "--pid-file=" + root.resolve("mariadbd.pid"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--innodb-buffer-pool-size=32M",
                // A throwaway server need not survive a power cut; this keeps tests fast.
                "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0"));
        argv.addAll(extraOptions);
        if (ServerBinaries.runningAsRoot()) {
            argv.add("--user=root");
        }
        try {
            return new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            root.resolve("server.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + SERVER, e);
        }
    }

    private static void awaitReady(Path root, Process server) throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "MariaDB exited with status " + server.exitValue() + ": " + serverLog(root));
            }
            try {
                ExternalCommand.run(
                        List.of(
                                ADMIN.toString(),
                                "--no-defaults",
                                "--socket=" + socket(root),
                                "--user=" + SUPERUSER,
                                "ping"),
                        null,
                        Duration.ofSeconds(10));
                return;
            } catch (IllegalStateException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(
                "MariaDB did not accept connections within " + READY_TIMEOUT_MILLIS / 1000 + " s: " + serverLog(root));
    }

    private static String tcpSuperuser(String password) {
        String account = "'" + SUPERUSER + "'@'127.0.0.1'";
        return "CREATE OR REPLACE USER " + account + " IDENTIFIED BY " + Sql.mysqlLiteral(password) + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n";
    }

    private static Path socket(Path root) {
        return root.resolve("mariadbd.sock");
    }

    private static String serverLog(Path root) {
        try {
            return Files.readString(root.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    /** Creates an empty database with the utf8mb4 character set. */
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + Sql.identifier(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    /** Creates a user, allowed to log in from anywhere (the server listens on loopback only). */
    public void createUser(String name, String password) {
        execute("CREATE USER " + Sql.mysqlLiteral(Sql.identifier(name)) + "@'%' IDENTIFIED BY "
                + Sql.mysqlLiteral(password));
    }

    /** Gives {@code user} every privilege on {@code database} and nothing beyond it. */
    public void grantAll(String database, String user) {
        execute("GRANT ALL PRIVILEGES ON " + Sql.identifier(database) + ".* TO "
                + Sql.mysqlLiteral(Sql.identifier(user)) + "@'%'");
    }

    /**
     * Gives {@code user} every privilege on the scratch databases a restore of {@code database}
     * goes through ({@code DATABASE_restore_…}), as the README asks of a restoring account.
     */
    public void grantRestoreScratch(String database, String user) {
        execute("GRANT ALL PRIVILEGES ON `" + Sql.identifier(database).replace("_", "\\_") + "\\_restore\\_%`.* TO "
                + Sql.mysqlLiteral(Sql.identifier(user)) + "@'%'");
    }

    /** Gives {@code user} the comma-separated {@code privileges} on {@code database}, e.g. {@code "SELECT, INSERT"}. */
    public void grant(String privileges, String database, String user) {
        if (!privileges.matches("[A-Za-z ,]+")) {
            throw new IllegalArgumentException("Not a privilege list: " + privileges);
        }
        execute("GRANT " + privileges + " ON " + Sql.identifier(database) + ".* TO "
                + Sql.mysqlLiteral(Sql.identifier(user)) + "@'%'");
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + Sql.identifier(name));
    }

    private void execute(String sql) {
        try (Connection connection = connectAsSuperuser("");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB test server refused a setup statement: " + e.getMessage(), e);
        }
    }

    /** Shuts the server down cleanly (forcibly after a minute) and deletes its folders. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            ExternalCommand.run(
                    List.of(
                            ADMIN.toString(),
                            "--no-defaults",
                            "--socket=" + socket(root),
                            "--user=" + SUPERUSER,
                            "shutdown"),
                    null,
                    SETUP_TIMEOUT);
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            server.destroyForcibly();
            throw e;
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
            System.err.println("Could not stop the MariaDB test server in " + root + ": " + e.getMessage());
        }
    }
}
