package com.rosettachat.auth.internal.social;

import com.rosettachat.auth.internal.Secrets;
import com.rosettachat.shared.security.AppKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state}: stateless, so a mobile app needs no cookie. It names the provider, the
 * purpose (sign-in, or linking for one user), an expiry and a nonce, signed with the app key. A
 * state made for one provider, purpose or user is refused for any other.
 */
@Component
class OAuthState {

    static final String LOGIN = "login";
    static final String LINK = "link";

    private final AppKey key;
    private final Clock clock;
    private final OAuthProperties properties;

    OAuthState(AppKey key, Clock clock, OAuthProperties properties) {
        this.key = key;
        this.clock = clock;
        this.properties = properties;
    }

    String issue(SocialProvider provider, String purpose, long userId) {
        long expires = clock.instant().plus(properties.stateTtl()).getEpochSecond();
        String payload = String.join("|", "v1", provider.key(), purpose, Long.toString(userId),
                Long.toString(expires), Secrets.alphanumeric(16));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + key.sign("oauth-state|" + encoded);
    }

    boolean valid(String state, SocialProvider provider, String purpose, long userId) {
        if (state == null) {
            return false;
        }
        int dot = state.indexOf('.');
        if (dot <= 0 || !Secrets.equal(key.sign("oauth-state|" + state.substring(0, dot)), state.substring(dot + 1))) {
            return false;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(state.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
            return parts.length == 6 && parts[0].equals("v1") && parts[1].equals(provider.key())
                    && parts[2].equals(purpose) && parts[3].equals(Long.toString(userId))
                    && Long.parseLong(parts[4]) >= clock.instant().getEpochSecond();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
