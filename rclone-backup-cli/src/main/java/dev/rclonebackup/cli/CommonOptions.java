package dev.rclonebackup.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;

/** The options every command takes: verbosity, colour, configuration file, traceback and help. */
final class CommonOptions {
    static final int DEFAULT_VERBOSITY = 1;

    private static final String VERBOSITY = "--verbosity";
    private static final String NO_COLOR = "--no-color";
    private static final String FORCE_COLOR = "--force-color";
    private static final String CONFIG = "--config";
    private static final String TRACEBACK = "--traceback";

    private final CommandSpec command;

    /** The common options of {@code command}, to which {@link #addTo} has added them. */
    CommonOptions(CommandSpec command) {
        this.command = command;
    }

    /** Adds the common options to {@code command}, after its own. */
    static void addTo(CommandSpec command) {
        command.addOption(OptionSpec.builder("-v", VERBOSITY).order(11).paramLabel("LEVEL").type(int.class)
                .converters(new VerbosityConverter()).defaultValue(Integer.toString(DEFAULT_VERBOSITY))
                .description("How much to print, 0 to 3 (default: ${DEFAULT-VALUE}).",
                        "0: nothing on success (errors only);",
                        "1: what is being done and its outcome;",
                        "2: also each command run (credentials redacted), sizes and durations;",
                        "3: also the diagnostic output of rclone and the dump tools, on stderr.")
                .build());
        command.addOption(Specs.flag(NO_COLOR, 12,
                "Never colour the output. Setting the NO_COLOR environment variable does the same."));
        command.addOption(Specs.flag(FORCE_COLOR, 13,
                "Colour the output even when it is not a terminal (success green, errors red)."));
        command.addOption(OptionSpec.builder(CONFIG).order(14).paramLabel("FILE").type(Path.class)
                .description("Configuration file to use (default: $RCLONE_BACKUP_CONFIG, else ./rclone-backup.yml).")
                .build());
        command.addOption(Specs.flag(TRACEBACK, 15, "On failure, also print the stack trace."));
        command.addOption(OptionSpec.builder("-h", "--help").order(16).usageHelp(true)
                .description("Show this help and exit.").build());
    }

    int verbosity() {
        return Specs.<Integer>value(command, VERBOSITY);
    }

    /** True for {@code --force-color}, false for {@code --no-color}, null when neither was given. */
    Boolean colorOverride() {
        if (Specs.isSet(command, FORCE_COLOR)) {
            return Boolean.TRUE;
        }
        return Specs.isSet(command, NO_COLOR) ? Boolean.FALSE : null;
    }

    Path configFile() {
        return Specs.value(command, CONFIG);
    }

    boolean traceback() {
        return Specs.isSet(command, TRACEBACK);
    }

    /** Rejects combinations that an option's own description cannot express. */
    void validate() {
        if (Specs.isSet(command, NO_COLOR) && Specs.isSet(command, FORCE_COLOR)) {
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
