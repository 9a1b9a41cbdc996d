package com.rosettachat.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt reads at most 72 bytes and Spring Security refuses longer input, yet passwords may be
 * up to 255 characters (far more bytes in some scripts). A password over 72 bytes is first
 * reduced to the base64 of its SHA-256 (44 bytes), so every character counts and nothing throws;
 * shorter passwords are hashed as they are, exactly as plain bcrypt would.
 */
final class LongPasswordEncoder implements PasswordEncoder {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder bcrypt;

    LongPasswordEncoder(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(reduce(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return raw != null && encoded != null && bcrypt.matches(reduce(raw), encoded);
    }

    static CharSequence reduce(CharSequence raw) {
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return raw;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
