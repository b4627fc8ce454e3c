package dev.rclonebackup.internal.connector.mongodb;

import dev.rclonebackup.ConfigurationException;
import dev.rclonebackup.connector.Database;
import java.util.Set;

/**
 * What mongodump and mongorestore need to reach one configured database.
 *
 * @param serverAddress the connection string without credentials, database or {@code authSource}
 * @param database      the database to dump
 * @param username      the user name, or {@code null}
 * @param password      the password, or {@code null}
 * @param authSource    the database holding the user, or {@code null} for the tools' default
 */
record MongoTarget(String serverAddress, String database, String username, String password, String authSource) {
    static final String AUTH_SOURCE_OPTION = "auth-source";
    private static final String DEFAULT_HOST = "localhost";
    private static final Set<String> PASSWORDLESS_MECHANISMS = Set.of("MONGODB-X509", "GSSAPI");

    /**
     * Resolves {@code database}: its {@code url} parsed, or {@code host}/{@code port}/{@code name};
     * the entry's {@code username}/{@code password} win over the URL's, {@code options.auth-source}
     * over its {@code authSource}. With a user and no authentication source or mechanism given,
     * the user is looked up in the database itself, as a connection string with that database
     * in its path would. A user without a password is refused unless the URL's
     * {@code authMechanism} needs none (X.509, Kerberos).
     *
     * @throws ConfigurationException when the URL is invalid or no database name is given
     */
    static MongoTarget of(Database database) {
        MongoUri uri = database.url() == null ? null : MongoUri.parse(database.alias(), database.url());
        String name = uri != null && uri.database() != null ? uri.database() : database.name();
        if (name == null || name.isBlank()) {
            throw new ConfigurationException("Database '" + database.alias()
                    + "' has no MongoDB database name: put it in the URL (mongodb://host/NAME) or set 'name'");
        }
        String username = database.username() != null ? database.username() : uri == null ? null : uri.username();
        String password = database.password() != null ? database.password() : uri == null ? null : uri.password();
        String authSource =
                firstNonNull(database.option(AUTH_SOURCE_OPTION), uri == null ? null : uri.option("authSource"));
        String mechanism = uri == null ? null : uri.option("authMechanism");
        if (authSource == null && username != null && mechanism == null) {
            authSource = name;
        }
        if (username != null && password == null && !PASSWORDLESS_MECHANISMS.contains(String.valueOf(mechanism))) {
            // The tools would prompt for it, reading the backup stream as the answer.
            throw new ConfigurationException("Database '" + database.alias()
                    + "' has a MongoDB user name but no password: set 'password' (or put it in the URL)");
        }
        String address = uri != null ? uri.serverAddress("authSource") : "mongodb://" + hostAndPort(database) + "/";
        return new MongoTarget(address, name, username, password, authSource);
    }

    private static String hostAndPort(Database database) {
        String host = database.host() == null ? DEFAULT_HOST : database.host();
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return database.port() == null ? bracketed : bracketed + ":" + database.port();
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    @Override
    public String toString() {
        return "MongoTarget[" + serverAddress + ", database=" + database + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", authSource=" + authSource + "]";
    }
}
