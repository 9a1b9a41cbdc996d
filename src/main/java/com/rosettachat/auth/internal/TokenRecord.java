package com.rosettachat.auth.internal;

import java.time.Instant;
import java.util.List;

/** A stored personal access token; {@code tokenHash} is the SHA-256 hex of the secret, never the secret. */
public record TokenRecord(long id, long userId, String name, String tokenHash, List<String> abilities,
                          Instant lastUsedAt, Instant expiresAt, Instant createdAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
