package com.rosettachat.workspace;

/** A member's role changed; a transfer of ownership publishes one for each of the two members. */
public record MemberRoleChanged(String workspaceId, String memberId, long userId, Role previousRole, Role role) {
}
