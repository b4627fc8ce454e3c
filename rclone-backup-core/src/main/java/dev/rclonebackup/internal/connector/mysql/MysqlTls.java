package dev.rclonebackup.internal.connector.mysql;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The TLS settings of a MySQL or MariaDB JDBC URL, as options of the MariaDB 10.11 tools. Both
 * drivers' spellings are understood: {@code sslMode} ({@code disable}/{@code DISABLED},
 * {@code PREFERRED}, {@code trust}/{@code REQUIRED}, {@code verify-ca}/{@code VERIFY_CA},
 * {@code verify-full}/{@code VERIFY_IDENTITY}), and the older {@code useSSL}, {@code requireSSL},
 * {@code trustServerCertificate}, {@code verifyServerCertificate} and {@code serverSslCert} (the
 * CA or server certificate file). Any other parameter is a configuration error.
 *
 * <p>The tools verify a certificate only together with the host name
 * ({@code --ssl-verify-server-cert}), so {@code VERIFY_CA} is checked as strictly as
 * {@code VERIFY_IDENTITY}. They cannot require TLS without verifying it: for {@code REQUIRED} and
 * {@code trust} the connector asks the server, before the dump or restore, whether the session is
 * encrypted, and stops when it is not.
 */
final class MysqlTls {
    private static final Set<String> KNOWN = Set.of(
            "user",
            "password",
            "sslMode",
            "useSSL",
            "requireSSL",
            "trustServerCertificate",
            "verifyServerCertificate",
            "serverSslCert");

    /** How strictly TLS is asked for. */
    enum Level {
        DEFAULT,
        DISABLE,
        PREFER,
        REQUIRE,
        VERIFY
    }

    private final Level level;
    private final String certificateFile;

    private MysqlTls(Level level, String certificateFile) {
        this.level = level;
        this.certificateFile = certificateFile;
    }

    /** @throws ConfigurationException naming the URL and the parameter that is unknown or invalid */
    static MysqlTls of(Database database) {
        database.requireKnownUrlParameters(KNOWN, "mysql");
        Map<String, String> parameters = database.urlParameters();
        String key = "databases." + database.alias() + ".url";
        Level level = Level.DEFAULT;
        String mode = parameters.get("sslMode");
        boolean trust =
                isTrue(parameters.get("trustServerCertificate")) || isFalse(parameters.get("verifyServerCertificate"));
        if (mode != null) {
            level = switch (mode.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "disable", "disabled" -> Level.DISABLE;
                case "preferred" -> Level.PREFER;
                case "trust", "required" -> Level.REQUIRE;
                case "verify-ca", "verify-full", "verify-identity" -> Level.VERIFY;
                default ->
                    throw new ConfigurationException(
                            key + ": sslMode '" + mode + "' is not one of disable, "
                                    + "trust, verify-ca, verify-full, DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY.");
            };
        } else if (isFalse(parameters.get("useSSL"))) {
            level = Level.DISABLE;
        } else if (isTrue(parameters.get("useSSL")) || isTrue(parameters.get("requireSSL"))) {
            level = trust ? Level.REQUIRE : Level.VERIFY;
        }
        String certificate = parameters.get("serverSslCert");
        if (certificate != null && (certificate.startsWith("-----") || certificate.startsWith("classpath:"))) {
            throw new ConfigurationException(key + ": serverSslCert must name a certificate file for the MySQL tools.");
        }
        if (certificate != null && certificate.startsWith("file:")) {
            certificate = certificate.substring("file:".length());
        }
        return new MysqlTls(level, certificate == null || certificate.isEmpty() ? null : certificate);
    }

    private static boolean isTrue(String value) {
        return value != null && (value.isEmpty() || value.equalsIgnoreCase("true") || value.equals("1"));
    }

    private static boolean isFalse(String value) {
        return value != null && (value.equalsIgnoreCase("false") || value.equals("0"));
    }

    /** The tools' options for this setting. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        switch (level) {
            case DISABLE -> arguments.add("--skip-ssl");
            case PREFER, REQUIRE -> arguments.add("--ssl");
            case VERIFY -> arguments.addAll(List.of("--ssl", "--ssl-verify-server-cert"));
            case DEFAULT -> {}
        }
        if (certificateFile != null && level != Level.DISABLE) {
            arguments.add("--ssl-ca=" + certificateFile);
        }
        return arguments;
    }

    /** True when TLS is required but not verified, so that it must be checked on the server. */
    boolean needsEncryptionCheck() {
        return level == Level.REQUIRE;
    }
}
