package com.rosettachat.workspace;

/** A member left or was removed; their access ended in the same transaction. */
public record MemberLeft(String workspaceId, String memberId, long userId) {
}
