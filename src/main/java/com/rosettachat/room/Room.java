package com.rosettachat.room;

import java.time.Instant;

/**
 * A temporary room: a {@code temporary_room} workspace with one channel that guests may use until
 * {@code expiresAt}. The stored {@code status} lags behind the clock until the expiry job runs,
 * so callers ask {@link #status(Instant)}, which decides from {@code expiresAt} itself.
 */
public record Room(String id, long ownerId, String workspaceId, String channelId, String name,
                   String externalReference, String storedStatus, Instant expiresAt, Instant maxExpiresAt,
                   int extensionCount, Instant createdAt) {

    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String CLOSED = "closed";

    public String status(Instant now) {
        return ACTIVE.equals(storedStatus) && !expiresAt.isAfter(now) ? EXPIRED : storedStatus;
    }

    /** Open to guests, joins and extensions. */
    public boolean available(Instant now) {
        return ACTIVE.equals(status(now));
    }
}
