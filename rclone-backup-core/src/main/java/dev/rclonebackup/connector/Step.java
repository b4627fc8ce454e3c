package dev.rclonebackup.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One end of a backup or restore stream, as described by a connector. The core starts,
 * connects, drains and finishes it; a connector never starts a process itself.
 */
public sealed interface Step permits Step.Command, Step.Writer, Step.Reader {

    /**
     * An external tool. For a dump its standard output is the backup; for a restore its standard
     * input receives the backup.
     *
     * @param argv        the command line; must never contain a credential
     * @param environment variables added to the inherited environment (e.g. {@code PGPASSWORD})
     * @param packageHint what provides the tool, for the "not found" error (e.g. {@code postgresql-client})
     */
    record Command(List<String> argv, Map<String, String> environment, String packageHint) implements Step {
        public Command {
            argv = List.copyOf(argv);
            environment = Map.copyOf(environment);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv must not be empty");
            }
        }

        /** The tool's name: the first element of {@code argv}. */
        public String tool() {
            return argv.get(0);
        }
    }

    /** An in-JVM dump: writes the backup to the stream, which goes straight into rclone. */
    record Writer(String tool, StreamWriter writer) implements Step {}

    /** An in-JVM restore: reads the backup from the stream coming straight out of rclone. */
    record Reader(String tool, StreamReader reader) implements Step {}

    /** Writes a dump. */
    @FunctionalInterface
    interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads a dump and restores it. */
    @FunctionalInterface
    interface StreamReader {
        void readFrom(InputStream in) throws IOException;
    }

    /** Shorthand for an external command without extra environment. */
    static Command command(List<String> argv, String packageHint) {
        return new Command(argv, Map.of(), packageHint);
    }
}
