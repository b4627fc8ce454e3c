package dev.rclonebackup.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command takes: verbosity, colour, configuration file and traceback. They are
 * defined once, on the top-level command, and inherited by every command, so that they may stand
 * before or after the command's name; picocli sets an inherited option's value on both.
 *
 * @param verbosity     0 to 3 ({@code -q} is 0)
 * @param colorOverride true for {@code --force-color}, false for {@code --no-color}, null when neither was given
 * @param configFile    the {@code --config} file as given, or null
 * @param traceback     whether to print the stack trace of a failure
 */
record CommonOptions(int verbosity, Boolean colorOverride, Path configFile, boolean traceback) {
    static final int DEFAULT_VERBOSITY = 1;

    private static final String VERBOSITY = "--verbosity";
    private static final String QUIET = "--quiet";
    private static final String NO_COLOR = "--no-color";
    private static final String FORCE_COLOR = "--force-color";
    private static final String CONFIG = "--config";
    private static final String TRACEBACK = "--traceback";

    /** Adds the common options to the top-level command {@code command}, inherited by the commands added after. */
    static void addTo(CommandSpec command) {
        command.addOption(OptionSpec.builder("-v", VERBOSITY)
                .order(11)
                .paramLabel("LEVEL")
                .type(int.class)
                .converters(new VerbosityConverter())
                .defaultValue(Integer.toString(DEFAULT_VERBOSITY))
                .scopeType(ScopeType.INHERIT)
                .description(
                        "How much to print, 0 to 3 (default: ${DEFAULT-VALUE}).",
                        "0: nothing on success (errors only);",
                        "1: what is being done and its outcome;",
                        "2: also each command run (credentials redacted), sizes and durations;",
                        "3: also the diagnostic output of rclone and the dump tools, on stderr.")
                .build());
        command.addOption(Specs.flagBuilder(12, "Same as --verbosity 0.", "-q", QUIET)
                .scopeType(ScopeType.INHERIT)
                .build());
        command.addOption(Specs.flagBuilder(
                        13,
                        "Never colour the output. Setting the NO_COLOR environment variable does the same.",
                        NO_COLOR)
                .scopeType(ScopeType.INHERIT)
                .build());
        command.addOption(Specs.flagBuilder(
                        14,
                        "Colour the output even when it is not a terminal (success green, errors red).",
                        FORCE_COLOR)
                .scopeType(ScopeType.INHERIT)
                .build());
        command.addOption(OptionSpec.builder(CONFIG)
                .order(15)
                .paramLabel("FILE")
                .type(Path.class)
                .scopeType(ScopeType.INHERIT)
                .description("Configuration file to use (default: $RCLONE_BACKUP_CONFIG, else ./rclone-backup.yml).")
                .build());
        command.addOption(Specs.flagBuilder(16, "On failure, also print the stack trace.", TRACEBACK)
                .scopeType(ScopeType.INHERIT)
                .build());
    }

    /** Whether {@code option} takes a value (for finding the command's name among the arguments). */
    static boolean takesValue(String option) {
        return option.equals("-v") || option.equals(VERBOSITY) || option.equals(CONFIG);
    }

    /**
     * The common options as parsed for {@code command}, given before or after its name; rejects
     * combinations that an option's own description cannot express.
     */
    static CommonOptions of(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        boolean quiet = Specs.isSet(spec, QUIET);
        if (quiet && given(command, VERBOSITY)) {
            throw new ParameterException(command, "-q/--quiet and -v/--verbosity cannot be used together");
        }
        boolean noColor = Specs.isSet(spec, NO_COLOR);
        boolean forceColor = Specs.isSet(spec, FORCE_COLOR);
        if (noColor && forceColor) {
            throw new ParameterException(command, "--no-color and --force-color cannot be used together");
        }
        return new CommonOptions(
                quiet ? 0 : Specs.number(spec, VERBOSITY),
                forceColor ? Boolean.TRUE : noColor ? Boolean.FALSE : null,
                Specs.path(spec, CONFIG),
                Specs.isSet(spec, TRACEBACK));
    }

    /** Whether {@code option} was given to {@code command} or before it, to a parent command. */
    private static boolean given(CommandLine command, String option) {
        for (CommandLine line = command; line != null; line = line.getParent()) {
            if (line.getParseResult() != null && line.getParseResult().hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
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
