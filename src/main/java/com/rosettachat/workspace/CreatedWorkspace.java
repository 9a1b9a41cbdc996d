package com.rosettachat.workspace;

/** The ids a new workspace comes with: its own, the owner's membership and its one default channel. */
public record CreatedWorkspace(String workspaceId, String ownerMemberId, String defaultChannelId) {
}
