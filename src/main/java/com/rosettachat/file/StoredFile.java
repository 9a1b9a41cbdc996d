package com.rosettachat.file;

import java.time.Instant;
import java.util.Map;

/**
 * A file record. {@code ownerUserId} is null for a room guest's anonymous upload, which is
 * usable only in {@code roomId}. {@code storageKey} never derives from the client's name.
 */
public record StoredFile(String id, Long ownerUserId, String roomId, String clientName, String mimeType, long size,
                         String visibility, Map<String, Object> meta, boolean claimed, Instant expiresAt,
                         Instant deletedAt, Instant createdAt, String storageKey) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }

    /** Deleted, or never claimed and past its TTL: as good as gone even before the cleanup runs. */
    public boolean gone(Instant now) {
        return deletedAt != null || (!claimed && expiresAt != null && !expiresAt.isAfter(now));
    }
}
