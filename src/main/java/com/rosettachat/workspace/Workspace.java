package com.rosettachat.workspace;

import java.time.Instant;

/** A workspace as other modules and the web layer see it; its password hash never leaves the module. */
public record Workspace(String id, String name, String slug, String visibility, boolean hasPassword, String kind,
                        long ownerId, long memberCount, String defaultChannelId, Instant createdAt, Instant updatedAt) {

    public static final String STANDARD = "standard";
    public static final String TEMPORARY_ROOM = "temporary_room";
    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }
}
