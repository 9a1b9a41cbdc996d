package com.rosettachat.channel.internal;

import com.rosettachat.channel.ChannelRef;
import java.time.Instant;

/** A channel row; {@code createdBy} is null once the creator's account is gone. */
public record Channel(String id, String workspaceId, String name, String slug, String visibility, boolean hasPassword,
                      boolean isDefault, Long createdBy, Instant createdAt, Instant updatedAt) {

    public ChannelRef ref() {
        return new ChannelRef(id, workspaceId, name, slug, visibility, isDefault);
    }

    public boolean isPublic() {
        return ChannelRef.PUBLIC.equals(visibility);
    }
}
