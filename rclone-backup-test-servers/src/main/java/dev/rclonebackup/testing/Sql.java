package dev.rclonebackup.testing;

import java.util.regex.Pattern;

/** Quoting for the few setup statements that cannot take bind parameters (CREATE ROLE, CREATE USER). */
final class Sql {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Sql() {}

    /** {@code name} itself, once checked to be a plain identifier that needs no quoting anywhere. */
    static String identifier(String name) {
        if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        return name;
    }

    /** A standard SQL string literal: quotes doubled (PostgreSQL, standard_conforming_strings on). */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A MySQL/MariaDB string literal: backslashes and quotes escaped. */
    static String mysqlLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
