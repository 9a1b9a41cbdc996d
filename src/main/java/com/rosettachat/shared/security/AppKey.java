package com.rosettachat.shared.security;

import com.rosettachat.shared.AppProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The application key that signs links and states and encrypts stored secrets. Taken from
 * {@code ROSETTA_APP_KEY} ({@code base64:...} as Laravel writes it, or any passphrase), else read
 * from {@code {data-dir}/app.key}, which is created once so that signatures survive restarts.
 */
@Component
public class AppKey {

    /** Prefix of {@link #encrypt} output; a later scheme gets {@code v2:} and decrypt keeps reading both. */
    private static final String CIPHER_VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final SecretKeySpec encryptionKey;

    public AppKey(AppProperties properties) {
        this.key = properties.appKey() != null && !properties.appKey().isBlank()
                ? decode(properties.appKey().strip())
                : loadOrCreate(properties.dataDir().resolve("app.key"));
        // A key of its own for encryption, derived from the app key of any length, so a signature
        // and a ciphertext never share key material.
        this.encryptionKey = new SecretKeySpec(hmac("rosetta:encryption:v1".getBytes(StandardCharsets.UTF_8)), "AES");
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** Hex HMAC-SHA256 of {@code data} under this key. */
    public String sign(String data) {
        return HexFormat.of().formatHex(hmac(data.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A secret the server must read back later (push tokens, webhook secrets), sealed for storage:
     * AES-256-GCM with a random nonce, rendered {@code v1:<base64url(nonce | ciphertext | tag)>}.
     */
    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return CIPHER_VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plaintext of {@link #encrypt} output.
     *
     * @throws IllegalArgumentException when the value is not ours, was altered, or was sealed under another key
     */
    public String decrypt(String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(CIPHER_VERSION)) {
            throw new IllegalArgumentException("Not an encrypted value of a known version");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(ciphertext.substring(CIPHER_VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed encrypted value");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Malformed encrypted value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Encrypted value was altered or sealed under another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String value) {
        if (value.startsWith("base64:")) {
            return Base64.getDecoder().decode(value.substring("base64:".length()));
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(file, "base64:" + Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays with the default permissions
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the application key at " + file, e);
        }
    }
}
