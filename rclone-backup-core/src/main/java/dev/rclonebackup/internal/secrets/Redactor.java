package dev.rclonebackup.internal.secrets;

import dev.rclonebackup.Reporter;
import dev.rclonebackup.settings.DatabaseSettings;
import dev.rclonebackup.settings.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in everything rclone-backup prints, logs or puts in an exception: whole
 * values only, found by their position, never by searching text for a password (which would
 * turn {@code mysqldump} into {@code mysqldum****} for the password {@code p}, and tell what the
 * password is). A hidden value becomes {@link #MASK}. What counts as a value:
 * <ul>
 *   <li>a parameter whose name contains {@code pass}, {@code pwd}, {@code secret}, {@code key},
 *       {@code token} or {@code credential}, written {@code name=value}: inside an rclone
 *       connection string ({@code :webdav,url=…,pass=VALUE:}, quoted values and nested remotes
 *       included), in a URL's query, or as a flag {@code --s3-secret-access-key=VALUE};</li>
 *   <li>the word after such a flag: {@code --crypt-password VALUE}, also in the quoted form
 *       rclone logs its arguments in ({@code "--crypt-password" "VALUE"});</li>
 *   <li>the password of a URL's user information ({@code scheme://user:VALUE@host});</li>
 *   <li>in a command line, an argument equal to a known secret (a database password, a value of a
 *       sensitive {@code rclone.flags} entry), except the program itself.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class Redactor {
    /** What a hidden value is replaced with. */
    public static final String MASK = "****";

    /** A redactor that knows no secret values: it hides values by their position only. */
    public static final Redactor POSITIONAL = new Redactor(Set.of());

    private static final List<String> SENSITIVE_WORDS = List.of("pass", "pwd", "secret", "key", "token", "credential");
    private static final String SENSITIVE_WORD = "(?i:" + String.join("|", SENSITIVE_WORDS) + ")";
    private static final Pattern SENSITIVE_NAME = Pattern.compile("[\\w.-]*" + SENSITIVE_WORD + "[\\w.-]*");
    private static final Pattern SENSITIVE_FLAG = Pattern.compile("--?[\\w.-]*" + SENSITIVE_WORD + "[\\w.-]*");
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'";
    /** {@code --flag=value}; the value runs to the end of the word. */
    private static final Pattern FLAG_EQUALS = Pattern.compile("(?<![^\\s\\[(\"'])(" + SENSITIVE_FLAG.pattern()
            + ")=(\"\"(?:[^\"]|\"(?!\"))*\"\"|" + QUOTED + "|(?:\\\\.|[^\\s\"'\\\\])*)");
    /** {@code --flag value} and {@code "--flag" "value"}; a following flag is not a value. */
    private static final Pattern FLAG_SPACE = Pattern.compile(
            "(?<![^\\s\\[(])([\"']?)(" + SENSITIVE_FLAG.pattern() + ")\\1(\\s+)(" + QUOTED + "|(?!--)[^\\s\"']+)");
    /**
     * {@code name=value} in a connection string or a URL query; a bare value ends at {@code ,}
     * {@code :} {@code ;} {@code &} or a space, a quoted one ({@code "…"}, {@code '…'}, or
     * {@code ""…""} inside a quoted nested remote) at its closing quote.
     */
    private static final Pattern PARAMETER = Pattern.compile("(?<=[,?&;])(" + SENSITIVE_NAME.pattern()
            + ")=(\"\"(?:[^\"]|\"(?!\"))*\"\"|\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|[^\\s,:;&\"'\\])}]*)");
    /** {@code scheme://user:password@host}. */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s/:@\"']{0,200}:)[^\\s@/\"']+(?=@)");

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s'\"\\\\$`|&;<>()]|^$");

    private final Set<String> secrets;

    private Redactor(Set<String> secrets) {
        this.secrets = Set.copyOf(secrets);
    }

    /** A redactor that also hides command-line arguments equal to one of {@code secrets} (empty ones are ignored). */
    public static Redactor of(Collection<String> secrets) {
        Set<String> known = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                known.add(secret);
            }
        }
        return new Redactor(known);
    }

    /**
     * The redactor for {@code settings}: it knows the databases' passwords, their options whose
     * names are sensitive ({@code admin-password} …), the values of sensitive {@code rclone.flags} and
     * the {@code notify.*-url} settings.
     */
    public static Redactor of(Settings settings) {
        List<String> secrets = new ArrayList<>();
        for (DatabaseSettings database : settings.databases().values()) {
            secrets.add(database.password());
            for (Map.Entry<String, Object> option : database.options().entrySet()) {
                if (option.getValue() instanceof String value
                        && SENSITIVE_NAME.matcher(option.getKey()).matches()) {
                    secrets.add(value);
                }
            }
        }
        secrets.addAll(flagValues(settings.rcloneFlags()));
        secrets.add(settings.notifyStartUrl());
        secrets.add(settings.notifySuccessUrl());
        secrets.add(settings.notifyFailureUrl());
        return of(secrets);
    }

    /** The values given to sensitive flags in {@code argv}, either as {@code --flag=value} or as the next argument. */
    static List<String> flagValues(List<String> argv) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String argument = argv.get(i);
            int equals = argument.indexOf('=');
            if (equals > 0
                    && SENSITIVE_FLAG.matcher(argument.substring(0, equals)).matches()) {
                values.add(argument.substring(equals + 1));
            } else if (SENSITIVE_FLAG.matcher(argument).matches()
                    && i + 1 < argv.size()
                    && !argv.get(i + 1).startsWith("--")) {
                values.add(argv.get(++i));
            }
        }
        return values;
    }

    /** {@code text} with every credential found by its position replaced by {@link #MASK}. */
    public String text(String text) {
        if (text == null
                || text.indexOf('=') < 0 && text.indexOf('-') < 0 && text.indexOf('@') < 0
                || !mayHoldCredential(text)) {
            return text;
        }
        String out = replaceGroup(FLAG_SPACE, text, 4, true);
        out = replaceGroup(FLAG_EQUALS, out, 2, false);
        out = replaceGroup(PARAMETER, out, 2, false);
        return URL_PASSWORD.matcher(out).replaceAll(MASK);
    }

    /**
     * Whether a pattern of {@link #text} can match at all: each needs a sensitive word or, for a
     * URL's password, {@code ://}. Checked first because most lines (file names, progress) have
     * neither, and the patterns cost far more than this scan.
     */
    private static boolean mayHoldCredential(String text) {
        if (text.contains("://")) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : SENSITIVE_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code argv} with credentials hidden: the value of a sensitive flag (attached with {@code =}
     * or the next argument), an argument equal to a known secret, and whatever {@link #text}
     * hides inside an argument. The first element, the program, is kept as it is.
     */
    public List<String> argv(List<String> argv) {
        List<String> shown = new ArrayList<>(argv.size());
        boolean valueFollows = false;
        for (int i = 0; i < argv.size(); i++) {
            String argument = argv.get(i);
            if (i == 0) {
                shown.add(argument);
            } else if (valueFollows && !argument.startsWith("--")) {
                shown.add(MASK);
            } else if (secrets.contains(argument)) {
                shown.add(MASK);
            } else if (argument.indexOf('=') > 0
                    && SENSITIVE_FLAG
                            .matcher(argument.substring(0, argument.indexOf('=')))
                            .matches()) {
                shown.add(argument.substring(0, argument.indexOf('=') + 1) + MASK);
            } else {
                shown.add(text(argument));
            }
            valueFollows = i > 0 && SENSITIVE_FLAG.matcher(argument).matches();
        }
        return shown;
    }

    /** {@link #argv} as one line, each argument that needs it in shell quotes, e.g. {@code rclone lsjson 'a b'}. */
    public String commandLine(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String argument : argv(argv)) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(NEEDS_QUOTES.matcher(argument).find() ? "'" + argument.replace("'", "'\\''") + "'" : argument);
        }
        return line.toString();
    }

    /**
     * {@code reporter} seeing every line through {@link #text}: what it prints or logs never holds a
     * connection string's password, a sensitive flag's value or a URL's password.
     */
    public Reporter reporter(Reporter reporter) {
        return new RedactingReporter(this, reporter);
    }

    private static String replaceGroup(Pattern pattern, String text, int group, boolean keepQuotes) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        do {
            String value = matcher.group(group);
            if (!value.isEmpty()) {
                out.append(text, last, matcher.start(group));
                char first = value.charAt(0);
                boolean quoted = keepQuotes && (first == '"' || first == '\'') && value.length() > 1;
                out.append(quoted ? first + MASK + first : MASK);
                last = matcher.end(group);
            }
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }
}
