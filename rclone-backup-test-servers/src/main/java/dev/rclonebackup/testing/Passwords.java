package dev.rclonebackup.testing;

import java.security.SecureRandom;

/** Random passwords for test accounts, with characters that need quoting in SQL and shells. */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Passwords() {}

    /** 20 random letters and digits, then {@code ' " $ \}, a space and a letter, so quoting mistakes show up. */
    public static String random() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.append("'\"$\\ x").toString();
    }
}
