package com.rosettachat.auth.internal.social;

import java.util.Locale;
import java.util.Optional;

/** The providers of CONTRACT §2; the path segment is the lowercase name. */
public enum SocialProvider {
    GOOGLE, GITHUB, FACEBOOK, APPLE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SocialProvider> fromKey(String key) {
        for (SocialProvider provider : values()) {
            if (provider.key().equals(key)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
