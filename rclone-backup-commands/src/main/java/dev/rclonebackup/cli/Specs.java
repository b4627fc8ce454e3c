package dev.rclonebackup.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Helpers for the command specifications, which are built in code rather than read from
 * annotations: reading annotations makes the JVM generate a proxy class per annotation type,
 * about 40 ms of every command's start-up on a small machine (see bench/README.md).
 */
final class Specs {
    /**
     * What picocli creates instances with: its default factory, made only if picocli needs one.
     * The default factory's class initialization searches the class path for Groovy, which is
     * never there, on every start.
     */
    static final IFactory FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return CommandLine.defaultFactory().create(type);
        }
    };

    private Specs() {}

    /**
     * The specification of {@code command} (what picocli calls when it runs), named {@code name},
     * its options listed in the order they are added.
     */
    static CommandSpec command(Object command, String name, String header, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, FACTORY).name(name);
        spec.usageMessage().header(header).description(description).sortOptions(false);
        return spec;
    }

    /** An option taking a text value shown as {@code label} in the help; null unless given or defaulted. */
    static OptionSpec.Builder option(int order, String label, String description, String... names) {
        return OptionSpec.builder(names)
                .order(order)
                .paramLabel(label)
                .type(String.class)
                .description(description);
    }

    /** An option without a value, {@code false} unless given. */
    static OptionSpec flag(String name, int order, String description) {
        return flagBuilder(order, description, name).build();
    }

    /** An option without a value, {@code false} unless given, with several names. */
    static OptionSpec.Builder flagBuilder(int order, String description, String... names) {
        return OptionSpec.builder(names)
                .order(order)
                .type(boolean.class)
                .initialValue(false)
                .description(description);
    }

    /** The parsed value of the text option {@code option} of {@code command} (its default when not given, else null). */
    static String text(CommandSpec command, String option) {
        return (String) command.findOption(option).getValue();
    }

    /** The parsed value of the path option {@code option} of {@code command}, null when not given. */
    static Path path(CommandSpec command, String option) {
        return (Path) command.findOption(option).getValue();
    }

    /** The parsed value of the integer option {@code option} of {@code command} (its default when not given). */
    static int number(CommandSpec command, String option) {
        return (Integer) command.findOption(option).getValue();
    }

    /** Whether the flag {@code option} of {@code command} was given. */
    static boolean isSet(CommandSpec command, String option) {
        return Boolean.TRUE.equals(command.findOption(option).getValue());
    }
}
