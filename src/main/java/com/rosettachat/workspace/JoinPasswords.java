package com.rosettachat.workspace;

import com.rosettachat.shared.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The optional passwords on workspaces and channels. They are hashed with the application's
 * bcrypt encoder over a SHA-256 digest of the text: bcrypt reads only 72 bytes (and refuses more),
 * while these passwords may be 120 characters of any script.
 */
@Component
public class JoinPasswords {

    public static final String INCORRECT = "The provided password is incorrect.";

    private final PasswordEncoder encoder;

    JoinPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** The hash to store, or null for no password. */
    public String hash(String password) {
        return password == null ? null : encoder.encode(digest(password));
    }

    /** Passes when there is no password; else 422 on {@code password} when it is missing or wrong. */
    public void check(String hash, String given) {
        if (hash == null) {
            return;
        }
        if (given == null) {
            throw ValidationException.of("password", "The password field is required.");
        }
        if (!encoder.matches(digest(given), hash)) {
            throw ValidationException.of("password", INCORRECT);
        }
    }

    private static String digest(String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
