package com.rosettachat.shared.security;

import java.util.Set;

/**
 * Who is calling: the principal every authenticated controller receives. {@code tokenId} is set
 * for bearer-token callers and null for cookie sessions, which may do everything.
 */
public record CurrentUser(long id, Long tokenId, Set<String> abilities) {

    public static final String ALL_ABILITIES = "*";

    public CurrentUser {
        abilities = Set.copyOf(abilities);
    }

    /** Sanctum's rule: a token can do X when its abilities hold {@code *} or X. */
    public boolean can(String ability) {
        return abilities.contains(ALL_ABILITIES) || abilities.contains(ability);
    }
}
