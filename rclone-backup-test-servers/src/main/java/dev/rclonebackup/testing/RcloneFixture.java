package dev.rclonebackup.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Throwaway rclone remotes in a temporary folder: a plain folder usable as a remote, and an
 * rclone.conf defining a {@code crypt} remote ({@value #CRYPT}) and a {@code compress} remote
 * ({@value #COMPRESS}), each stacked on a local folder. Everything is deleted afterwards.
 *
 * <p>Use it as an extension, created fresh for every test:
 * <pre>{@code @RegisterExtension final RcloneFixture rclone = new RcloneFixture();}</pre>
 * or open and close it yourself with {@link #open()}. When rclone is not installed, setting up
 * fails (it does not skip) and says how to install it.
 */
public final class RcloneFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** The crypt remote's name. */
    public static final String CRYPT = "secret";
    /** The compress remote's name. */
    public static final String COMPRESS = "packed";
    /** What installs rclone on the Debian systems the tests run on. */
    public static final String INSTALL_COMMAND = "apt-get install -y rclone";

    private Path root;

    /** A fixture to register with {@code @RegisterExtension}; its folders exist once a test starts. */
    public RcloneFixture() {}

    /** A fixture that is ready now; close it when done. */
    public static RcloneFixture open() {
        RcloneFixture fixture = new RcloneFixture();
        fixture.setUp();
        return fixture;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        setUp();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void setUp() {
        String binary = binary();
        try {
            root = Files.createTempDirectory("rclone-fixture-");
            Files.createDirectories(plainRemote());
            Files.createDirectories(cryptStorage());
            Files.createDirectories(compressStorage());
            Files.writeString(config(), """
                    [%s]
                    type = crypt
                    remote = %s
                    password = %s
                    password2 = %s

                    [%s]
                    type = compress
                    remote = %s
                    """.formatted(
                            CRYPT,
                            cryptStorage(),
                            obscure(binary, randomSecret()),
                            obscure(binary, randomSecret()),
                            COMPRESS,
                            compressStorage()));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not create the temporary rclone remotes", e);
        }
    }

    /**
     * The rclone executable found on PATH.
     *
     * @throws org.opentest4j.AssertionFailedError when rclone is not installed, with the command that installs it
     */
    public static String binary() {
        return binaryOn(System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * The rclone executable found in {@code searchPath} (folders separated as in PATH).
     *
     * @throws org.opentest4j.AssertionFailedError when there is none, with the command that installs it
     */
    public static String binaryOn(String searchPath) {
        for (String folder : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "rclone");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("rclone is required by these tests and was not found on PATH (" + searchPath
                + "); install it with: " + INSTALL_COMMAND);
    }

    /** The temporary folder holding everything. */
    public Path root() {
        return requireOpen();
    }

    /** A plain local folder used as a remote (rclone accepts a local path wherever a remote goes). */
    public Path plainRemote() {
        return requireOpen().resolve("plain-remote");
    }

    /** The rclone.conf defining {@value #CRYPT} and {@value #COMPRESS}. */
    public Path config() {
        return requireOpen().resolve("rclone.conf");
    }

    /** The crypt remote's root, {@code secret:}. */
    public String cryptRemote() {
        return CRYPT + ":";
    }

    /** The compress remote's root, {@code packed:}. */
    public String compressRemote() {
        return COMPRESS + ":";
    }

    /** The folder the crypt remote stores its encrypted objects in. */
    public Path cryptStorage() {
        return requireOpen().resolve("crypt-storage");
    }

    /** The folder the compress remote stores its compressed objects in. */
    public Path compressStorage() {
        return requireOpen().resolve("compress-storage");
    }

    /** A new empty folder inside the fixture, e.g. for a local media root. */
    public Path newFolder(String name) {
        try {
            return Files.createDirectories(requireOpen().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file the fixture created. */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        } finally {
            root = null;
        }
    }

    private Path requireOpen() {
        if (root == null) {
            throw new IllegalStateException("RcloneFixture is not set up: register it as an extension or use open()");
        }
        return root;
    }

    private static String randomSecret() {
        return UUID.randomUUID().toString();
    }

    /** rclone's reversible obscuring of a config password, with the secret on stdin rather than argv. */
    private static String obscure(String binary, String secret) throws IOException {
        Process process = new ProcessBuilder(binary, "obscure", "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(secret.getBytes(StandardCharsets.UTF_8));
        }
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("rclone obscure failed (see its message above)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while running rclone obscure", e);
        }
        return output;
    }
}
