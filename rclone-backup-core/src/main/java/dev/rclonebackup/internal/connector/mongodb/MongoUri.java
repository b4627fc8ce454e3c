package dev.rclonebackup.internal.connector.mongodb;

import dev.rclonebackup.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A parsed {@code mongodb://} or {@code mongodb+srv://} connection string:
 * {@code mongodb://[user[:password]@]host[:port][,host[:port]…][/[database]][?options]}. User,
 * password and database are percent-decoded; options are kept as written.
 *
 * @param srv      true for {@code mongodb+srv://} (one host name, resolved through DNS)
 * @param hosts    the seed list as written, e.g. {@code db1:27017}
 * @param database the database in the path, or {@code null}
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}
 * @param options  the {@code key=value} options as written, in order
 */
record MongoUri(
        boolean srv, List<String> hosts, String database, String username, String password, List<String> options) {
    private static final String SCHEME = "mongodb://";
    private static final String SRV_SCHEME = "mongodb+srv://";

    MongoUri {
        hosts = List.copyOf(hosts);
        options = List.copyOf(options);
    }

    /**
     * @param alias the database alias, for error messages (which never repeat the URL: it may hold a password)
     * @throws ConfigurationException when {@code uri} is not a valid MongoDB connection string
     */
    static MongoUri parse(String alias, String uri) {
        boolean srv = uri.startsWith(SRV_SCHEME);
        if (!srv && !uri.startsWith(SCHEME)) {
            throw invalid(alias, "it must start with mongodb:// or mongodb+srv://");
        }
        String rest = uri.substring(srv ? SRV_SCHEME.length() : SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String pathAndQuery = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        List<String> hosts = hosts(alias, authority.substring(at + 1), srv);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        String database = path.isEmpty() ? null : decode(alias, path, "database name");
        String username = null;
        String password = null;
        if (userInfo != null) {
            if (userInfo.indexOf('@') >= 0) {
                throw invalid(alias, "an '@' in the user name or password must be written %40");
            }
            int colon = userInfo.indexOf(':');
            username = decode(alias, colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(alias, userInfo.substring(colon + 1), "password");
            if (username.isEmpty()) {
                throw invalid(alias, "the user name before '@' is empty");
            }
        }
        return new MongoUri(srv, hosts, database, username, password, options(alias, query));
    }

    /** The value of option {@code key} (matched ignoring case, as MongoDB does), decoded; or {@code null}. */
    String option(String key) {
        for (String option : options) {
            if (key(option).equalsIgnoreCase(key)) {
                // parse() has checked every value decodes, so no alias is needed for an error.
                return decode("", option.substring(option.indexOf('=') + 1), key);
            }
        }
        return null;
    }

    private static String key(String option) {
        return option.substring(0, option.indexOf('='));
    }

    /**
     * This connection string without user, password and database, and without the options named
     * in {@code leftOut}, e.g. {@code mongodb://db1:27017,db2:27017/?replicaSet=rs0}.
     */
    String serverAddress(String... leftOut) {
        List<String> kept = new ArrayList<>();
        for (String option : options) {
            if (Arrays.stream(leftOut).noneMatch(key(option)::equalsIgnoreCase)) {
                kept.add(option);
            }
        }
        return (srv ? SRV_SCHEME : SCHEME) + String.join(",", hosts) + "/"
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static List<String> hosts(String alias, String hostList, boolean srv) {
        List<String> hosts = List.of(hostList.split(",", -1));
        if (hosts.stream().anyMatch(String::isBlank)) {
            throw invalid(alias, "it needs a host after the scheme, and no empty host between commas");
        }
        if (hosts.stream().anyMatch(host -> host.contains("?"))) {
            throw invalid(alias, "options must follow a '/' after the hosts");
        }
        if (srv && (hosts.size() != 1 || hosts.get(0).matches(".*:\\d+$"))) {
            throw invalid(alias, "mongodb+srv:// takes exactly one host name, without a port");
        }
        return hosts;
    }

    private static List<String> options(String alias, String query) {
        List<String> options = new ArrayList<>();
        for (String option : query.split("[&;]")) {
            if (option.isEmpty()) {
                continue;
            }
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw invalid(alias, "an option is not written key=value");
            }
            decode(alias, option.substring(equals + 1), "option " + option.substring(0, equals));
            options.add(option);
        }
        return options;
    }

    /** Percent-decoding as in URIs: {@code %XX} is a byte of UTF-8; {@code +} stays a plus. */
    private static String decode(String alias, String text, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int plain = 0;
        for (int percent = text.indexOf('%'); percent >= 0; percent = text.indexOf('%', plain)) {
            bytes.writeBytes(text.substring(plain, percent).getBytes(StandardCharsets.UTF_8));
            if (percent + 2 >= text.length()
                    || !HexFormat.isHexDigit(text.charAt(percent + 1))
                    || !HexFormat.isHexDigit(text.charAt(percent + 2))) {
                throw invalid(alias, "the " + what + " has a '%' not followed by two hexadecimal digits");
            }
            bytes.write(HexFormat.fromHexDigits(text, percent + 1, percent + 3));
            plain = percent + 3;
        }
        bytes.writeBytes(text.substring(plain).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ConfigurationException invalid(String alias, String reason) {
        return new ConfigurationException("Database '" + alias + "' has an invalid MongoDB URL: " + reason);
    }

    @Override
    public String toString() {
        return "MongoUri[" + serverAddress() + ", database=" + database + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + "]";
    }
}
