package dev.rclonebackup.cli.config;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.settings.Interpolation;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in one configuration value from the
 * environment; {@code $${} stands for a literal {@code ${}. As in a shell, the default is used
 * when the variable is unset or empty, and may itself hold references ({@code ${A:-${B}/x}}); it
 * runs to the {@code }} that closes its reference. A {@code $} not followed by {@code {} is kept
 * as it is.
 *
 * <p>Expansion works on values already parsed from YAML, so whatever a variable holds (quotes,
 * {@code #}, {@code :}, newlines) becomes part of the value verbatim.
 */
final class VariableExpander implements Interpolation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DEFAULT_SEPARATOR = ":-";

    private final Map<String, String> environment;
    private final String source;

    /** @param source the file the values come from, named at the start of every error */
    VariableExpander(Map<String, String> environment, String source) {
        this.environment = Map.copyOf(environment);
        this.source = source;
    }

    /**
     * @param key the dotted key of the value, named in errors
     * @throws ConfigurationException when a variable without default is unset or a reference is malformed
     */
    @Override
    public Expansion expand(String key, String text) {
        if (!text.contains("${")) {
            return new Expansion(text, false);
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean substituted = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = closingBrace(text, i + 2);
                if (close < 0) {
                    throw error(key, "has a '${' without its closing '}'; write $${ for a literal ${");
                }
                out.append(resolve(key, text.substring(i + 2, close)));
                substituted = true;
                i = close + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return new Expansion(out.toString(), substituted);
    }

    /** The {@code }} that closes the reference whose name starts at {@code from}, past any nested {@code ${…}}. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("$${", i)) {
                i += 2;
            } else if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private String resolve(String key, String reference) {
        int separator = reference.indexOf(DEFAULT_SEPARATOR);
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw error(
                    key,
                    "has an invalid ${...} reference: a variable name is made of letters, digits and '_' "
                            + "and does not start with a digit; write $${ for a literal ${");
        }
        String value = environment.get(name);
        if (separator >= 0) {
            // The default is expanded only when it is used, as in a shell.
            return value == null || value.isEmpty()
                    ? expand(key, reference.substring(separator + DEFAULT_SEPARATOR.length()))
                            .value()
                    : value;
        }
        if (value == null) {
            throw error(
                    key,
                    "refers to ${" + name + "}, which is not set in the environment; set it, "
                            + "or give a default with ${" + name + ":-default}");
        }
        return value;
    }

    private ConfigurationException error(String key, String problem) {
        return ConfigurationException.forKey(key, problem).located(source + ": ", "");
    }
}
