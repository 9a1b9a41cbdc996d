package com.rosettachat.workspace;

/**
 * Implemented by the channel module: makes the public {@code general} channel a new workspace
 * starts with, inside the creating transaction, with the owner as its first member.
 */
public interface DefaultChannels {

    /** Returns the new channel's id. */
    String createDefault(String workspaceId, String ownerMemberId, long ownerId);
}
