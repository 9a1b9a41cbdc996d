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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The application key that signs links and states and encrypts stored secrets. Taken from
 * {@code ROSETTA_APP_KEY} ({@code base64:...} as Laravel writes it, or any passphrase), else read
 * from {@code {data-dir}/app.key}, which is created once so that signatures survive restarts.
 */
@Component
public class AppKey {

    private final byte[] key;

    public AppKey(AppProperties properties) {
        this.key = properties.appKey() != null && !properties.appKey().isBlank()
                ? decode(properties.appKey().strip())
                : loadOrCreate(properties.dataDir().resolve("app.key"));
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** Hex HMAC-SHA256 of {@code data} under this key. */
    public String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
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
