package com.rosettachat.workspace.internal;

import com.rosettachat.workspace.Role;
import java.time.Instant;

/** A member row joined with the user it names, as the member endpoints render it. */
public record Member(String id, String workspaceId, long userId, String userName, String userEmail, String userAvatarUrl,
                     Role role, String preferredLanguage, String userLanguage, Instant joinedAt) {

    /** The workspace override, else the user's own preference (CONTRACT §3). */
    public String effectiveLanguage() {
        return preferredLanguage != null ? preferredLanguage : userLanguage;
    }
}
