package com.rosettachat.workspace;

/** Someone became a member: the creator of a workspace, a public join or an accepted invite. */
public record MemberJoined(String workspaceId, String memberId, long userId) {
}
