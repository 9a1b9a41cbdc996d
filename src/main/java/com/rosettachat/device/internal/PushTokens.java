package com.rosettachat.device.internal;

import com.rosettachat.shared.security.AppKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * How raw push tokens are kept: encrypted with the application key (delivery needs them back)
 * and found by a plain SHA-256, which survives a change of app key so a re-registration after a
 * key change finds and re-seals its old row instead of leaving an unreadable duplicate.
 */
@Component
public class PushTokens {

    private final AppKey key;

    PushTokens(AppKey key) {
        this.key = key;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String token) {
        return key.encrypt(token);
    }

    /** @throws IllegalArgumentException when the row was sealed under another key */
    public String open(String sealed) {
        return key.decrypt(sealed);
    }
}
