package dev.rclonebackup.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One invocation of {@link Main#run} with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return builder().run(args);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Sets up the standard input, environment, working directory and terminal flags of a run. */
    static final class Builder {
        private String stdin;
        private Map<String, String> environment = Map.of();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private boolean terminal;

        Builder stdin(String stdin) {
            this.stdin = stdin;
            return this;
        }

        Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** Pretends that stdout and stderr are terminals. */
        Builder terminal() {
            this.terminal = true;
            return this;
        }

        CliRun run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            InputStream in = stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
            int exitCode;
            try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exitCode = RcloneBackupCommandLine.run(
                        new CliContext(
                                in,
                                outStream,
                                errStream,
                                environment,
                                workingDirectory,
                                terminal,
                                terminal,
                                Main.configurationFile(environment, workingDirectory)),
                        args);
            }
            return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
