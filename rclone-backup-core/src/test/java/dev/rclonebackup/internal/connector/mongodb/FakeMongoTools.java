package dev.rclonebackup.internal.connector.mongodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Fake {@code mongodump} and {@code mongorestore} shell scripts. Each one records its arguments
 * ({@code NAME.args}, one per line) and a copy of its {@code --config} file ({@code NAME.config}),
 * refuses to run (exit 2) unless that file exists with mode 600, {@code --archive} is given and
 * the password is absent from its arguments, and then does the given shell {@code action}.
 */
final class FakeMongoTools {
    private FakeMongoTools() {}

    static Path write(Path dir, String name, String password, String action) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, """
                #!/bin/sh
                record='%1$s'
                printf '%%s\\n' "$@" > "$record.args"
                config=''
                for arg in "$@"; do
                  case "$arg" in --config=*) config="${arg#--config=}" ;; esac
                done
                fail() { echo "%2$s: $1" >&2; exit 2; }
                [ -n "$config" ] || fail "no --config argument"
                [ -f "$config" ] || fail "configuration file $config does not exist"
                [ "$(stat -c %%a "$config")" = 600 ] || fail "configuration file $config is not mode 600"
                case " $* " in *" --archive "*) ;; *) fail "no --archive argument" ;; esac
                case "$*" in *'%3$s'*) fail "the password is on the command line" ;; esac
                cp "$config" "$record.config"
                %4$s
                """.formatted(dir.resolve(name), name, password, action));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
