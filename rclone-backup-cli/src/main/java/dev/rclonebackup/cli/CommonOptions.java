package dev.rclonebackup.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;

/** The options every command takes: verbosity, colour, configuration file, traceback and help. */
public final class CommonOptions {
    static final int DEFAULT_VERBOSITY = 1;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(order = 11, names = {"-v", "--verbosity"}, paramLabel = "LEVEL", converter = VerbosityConverter.class,
            defaultValue = "1",
            description = {"How much to print, 0 to 3 (default: ${DEFAULT-VALUE}).",
                    "0: nothing on success (errors only);",
                    "1: what is being done and its outcome;",
                    "2: also each command run (credentials redacted), sizes and durations;",
                    "3: also the diagnostic output of rclone and the dump tools, on stderr."})
    private int verbosity = DEFAULT_VERBOSITY;

    @Option(order = 12, names = "--no-color",
            description = "Never colour the output. Setting the NO_COLOR environment variable does the same.")
    private boolean noColor;

    @Option(order = 13, names = "--force-color",
            description = "Colour the output even when it is not a terminal (success green, errors red).")
    private boolean forceColor;

    @Option(order = 14, names = "--config", paramLabel = "FILE",
            description = {"Configuration file to use (default: $RCLONE_BACKUP_CONFIG, else ./rclone-backup.yml)."})
    private Path configFile;

    @Option(order = 15, names = "--traceback", description = "On failure, also print the stack trace.")
    private boolean traceback;

    @Option(order = 16, names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    int verbosity() {
        return verbosity;
    }

    /** True for {@code --force-color}, false for {@code --no-color}, null when neither was given. */
    Boolean colorOverride() {
        if (forceColor) {
            return Boolean.TRUE;
        }
        return noColor ? Boolean.FALSE : null;
    }

    Path configFile() {
        return configFile;
    }

    boolean traceback() {
        return traceback;
    }

    /** Rejects combinations that picocli's annotations cannot express. */
    void validate() {
        if (noColor && forceColor) {
            throw new ParameterException(command.commandLine(), "--no-color and --force-color cannot be used together");
        }
    }

    /** Accepts 0, 1, 2 or 3. */
    static final class VerbosityConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.matches("[0-3]")) {
                return Integer.valueOf(value);
            }
            throw new TypeConversionException("'" + value + "' is not a verbosity level; use 0, 1, 2 or 3");
        }
    }
}
