package com.rosettachat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rosettachat.shared.security.AppKey;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest with the application key: what push tokens and webhook secrets rely on. */
class AppKeyTest {

    @TempDir
    Path dir;

    private AppKey key(String value) {
        return new AppKey(new AppProperties(dir, "http://localhost", null, value));
    }

    @Test
    void encryptedValuesReadBackAndCarryTheVersionPrefix() {
        AppKey key = key("base64:" + Base64.getEncoder().encodeToString(new byte[32]));
        String secret = "fGc1-token:APA91b 🙂 ทดสอบ";
        String sealed = key.encrypt(secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret).doesNotContain("fGc1");
        assertThat(key.decrypt(sealed)).isEqualTo(secret);
        assertThat(key.decrypt(key.encrypt(""))).isEmpty();
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        AppKey key = key("a long passphrase of any length");
        assertThat(key.encrypt("same")).isNotEqualTo(key.encrypt("same"));
    }

    @Test
    void alteredForeignOrUnknownValuesAreRefused() {
        AppKey key = key("first key passphrase");
        String sealed = key.encrypt("secret");
        // Flip one bit of the decoded bytes: the last base64 character may carry only padding bits.
        byte[] raw = java.util.Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length / 2] ^= 1;
        String altered = "v1:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThatThrownBy(() -> key.decrypt(altered)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key("another key passphrase").decrypt(sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.decrypt("v2:" + sealed.substring(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.decrypt("secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.decrypt("v1:***")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.decrypt("v1:AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.decrypt(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGeneratedKeyFileIsReusedSoValuesSurviveARestart() {
        String sealed = key(null).encrypt("kept");
        assertThat(dir.resolve("app.key")).exists();
        assertThat(key(null).decrypt(sealed)).isEqualTo("kept");
    }
}
