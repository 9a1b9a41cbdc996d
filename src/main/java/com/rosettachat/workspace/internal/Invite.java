package com.rosettachat.workspace.internal;

import java.time.Instant;

/** An invite link; {@code createdBy} is null once the inviter's account is gone. */
public record Invite(String id, String workspaceId, String token, Long createdBy, Instant expiresAt, Instant createdAt) {

    public boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
