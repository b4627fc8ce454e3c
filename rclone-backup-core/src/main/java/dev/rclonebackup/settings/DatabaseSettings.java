package dev.rclonebackup.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configured database, as written under {@code databases.<alias>}: either a {@code url}
 * (JDBC or {@code mongodb://}) or discrete {@code engine}, {@code name}, {@code host},
 * {@code port}; {@code username} and {@code password} may stand beside either and win over
 * credentials inside the URL. {@code options} holds connector-specific keys such as
 * {@code dump-args}, {@code restore-args} or {@code admin-user}; values are strings or lists of
 * strings.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record DatabaseSettings(
        String url,
        String engine,
        String name,
        String host,
        Integer port,
        String username,
        String password,
        Map<String, Object> options) {

    public DatabaseSettings {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this entry's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .url(url)
                .engine(engine)
                .name(name)
                .host(host)
                .port(port)
                .username(username)
                .password(password)
                .options(options);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", engine=" + engine + ", name=" + name
                + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", options=" + options.keySet() + "]";
    }

    /** Fluent builder for {@link DatabaseSettings}. */
    public static final class Builder {
        private String url;
        private String engine;
        private String name;
        private String host;
        private Integer port;
        private String username;
        private String password;
        private final Map<String, Object> options = new LinkedHashMap<>();

        private Builder() {}

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(Integer port) {
            this.port = port;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Sets one connector option; {@code value} is a string or a list of strings. */
        public Builder option(String key, Object value) {
            options.put(key, value);
            return this;
        }

        public Builder options(Map<String, Object> options) {
            this.options.clear();
            if (options != null) {
                this.options.putAll(options);
            }
            return this;
        }

        public DatabaseSettings build() {
            return new DatabaseSettings(url, engine, name, host, port, username, password, options);
        }
    }
}
