package dev.rclonebackup.faults;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The packaged command line run as a real child JVM ({@code java -Xmx64m -cp rclone-backup.jar
 * dev.rclonebackup.cli.Main …}), so that signals, exit statuses, the heap limit and the process
 * list are those a user gets. The child runs in a {@link Sandbox}: its working directory, its
 * fake tools first on PATH, standard output and error captured to files.
 */
final class Cli {
    static final String HEAP_LIMIT = "-Xmx64m";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Sandbox sandbox;
    private final Map<String, String> extraEnvironment;
    private final List<String> launcher;

    Cli(Sandbox sandbox) {
        this(sandbox, Map.of(), List.of());
    }

    private Cli(Sandbox sandbox, Map<String, String> extraEnvironment, List<String> launcher) {
        this.sandbox = sandbox;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.launcher = List.copyOf(launcher);
    }

    /** The same command line with more environment variables. */
    Cli withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(extraEnvironment);
        merged.putAll(variables);
        return new Cli(sandbox, merged, launcher);
    }

    /**
     * The same command line, bound by file permissions even when the tests run as root: started
     * through {@code setpriv} without the capabilities that let root read and search any folder.
     */
    Cli boundByFilePermissions() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return this;
        }
        String capabilities = "-dac_override,-dac_read_search";
        return new Cli(
                sandbox,
                extraEnvironment,
                List.of("setpriv", "--inh-caps=" + capabilities, "--bounding-set=" + capabilities));
    }

    /** The shaded jar built by the command-line module. */
    static Path jar() {
        String configured = System.getProperty("rclone-backup.jar");
        if (configured == null) {
            return fail("the system property rclone-backup.jar is not set; run these tests through Maven");
        }
        Path jar = Path.of(configured).normalize();
        if (!Files.isRegularFile(jar)) {
            return fail(jar + " does not exist; build the command line first (./mvnw -B install -DskipTests)");
        }
        return jar;
    }

    /** Runs {@code COMMAND --config FILE OPTIONS…} and waits for the exit. */
    Outcome run(String command, String... options) {
        return start(command, options).await(DEFAULT_TIMEOUT);
    }

    /** Runs {@code args} exactly as given (no {@code --config} added) and waits for the exit. */
    Outcome runRaw(String... args) {
        return startRaw(List.of(args)).await(DEFAULT_TIMEOUT);
    }

    /** Starts {@code COMMAND --config FILE OPTIONS…} without waiting. */
    Running start(String command, String... options) {
        List<String> args =
                new ArrayList<>(List.of(command, "--config", sandbox.config().toString()));
        args.addAll(List.of(options));
        return startRaw(args);
    }

    Running startRaw(List<String> args) {
        int run = RUNS.incrementAndGet();
        Path stdout = sandbox.root().resolve("run-" + run + ".out");
        Path stderr = sandbox.root().resolve("run-" + run + ".err");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP_LIMIT,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar().toString(),
                "dev.rclonebackup.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(sandbox.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(name -> name.startsWith("RCLONE_BACKUP_")
                        || name.startsWith("JAVA_TOOL")
                        || name.startsWith("PG")
                        || name.startsWith("MYSQL"));
        environment.put("PATH", sandbox.tools() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("NO_COLOR", "1");
        environment.putAll(extraEnvironment);
        try {
            return new Running(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** A started command line. */
    static final class Running {
        private final Process process;
        private final Path stdout;
        private final Path stderr;

        Running(Process process, Path stdout, Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        Process process() {
            return process;
        }

        long pid() {
            return process.pid();
        }

        /** Waits for the exit; a run outliving {@code timeout} is killed and fails the test (a hang is a bug). */
        Outcome await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    List<ProcessHandle> tree = process.descendants().toList();
                    process.destroyForcibly().waitFor();
                    tree.forEach(ProcessHandle::destroyForcibly);
                    fail("The command line did not finish within " + timeout + " (deadlock?); stderr so far:\n"
                            + read(stderr));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new Outcome(process.exitValue(), read(stdout), read(stderr));
        }

        /** Waits until a descendant process matches {@code condition}; fails when the run ends first or after a minute. */
        ProcessHandle awaitDescendant(String what, Predicate<ProcessHandle> condition) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < deadline) {
                var match = process.descendants().filter(condition).findFirst();
                if (match.isPresent()) {
                    return match.get();
                }
                if (!process.isAlive()) {
                    fail("The command line ended (exit " + process.exitValue() + ") before " + what + "; stderr:\n"
                            + read(stderr));
                }
                Processes.pause(Duration.ofMillis(20));
            }
            destroyTree();
            return fail("Gave up waiting for " + what + "; stderr:\n" + read(stderr));
        }

        /** Waits until {@code file} exists (a fake tool's sign of life); fails when the run ends first. */
        void awaitFile(Path file) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.exists(file)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    destroyTree();
                    fail("Gave up waiting for " + file + "; stderr:\n" + read(stderr));
                }
                Processes.pause(Duration.ofMillis(20));
            }
        }

        /** Waits until the run's standard error contains {@code text}; fails when the run ends first or after a minute. */
        void awaitStderr(String text) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!read(stderr).contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    destroyTree();
                    fail("Gave up waiting for '" + text + "' on stderr; stderr:\n" + read(stderr));
                }
                Processes.pause(Duration.ofMillis(20));
            }
        }

        /** Every process this run started, directly or not, at this moment. */
        List<ProcessHandle> descendants() {
            return process.descendants().toList();
        }

        void destroyTree() {
            List<ProcessHandle> tree = descendants();
            process.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
