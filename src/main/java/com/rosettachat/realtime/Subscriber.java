package com.rosettachat.realtime;

import com.rosettachat.shared.Language;
import java.util.Map;
import java.util.Objects;

/**
 * An authorizer's yes: the language events on that channel are rendered in for this reader (the
 * workspace override, else the user's preference, else a guest's), and for presence channels the
 * {@code user_info} the other members see.
 */
public record Subscriber(String language, Map<String, Object> userInfo) {

    public Subscriber {
        Objects.requireNonNull(language, "language");
        userInfo = userInfo == null ? Map.of() : Map.copyOf(userInfo);
    }

    public static Subscriber reading(String language) {
        return new Subscriber(language == null ? Language.DEFAULT : language, Map.of());
    }

    public Subscriber withUserInfo(Map<String, Object> info) {
        return new Subscriber(language, info);
    }
}
