package com.rosettachat.workspace;

/**
 * A user's membership of a workspace, as authorization checks see it. {@code preferredLanguage} is
 * the member's override for this workspace (null when none); {@code effectiveLanguage} is what
 * they read in: the override, else their own preferred language. {@code kind} is the workspace's
 * ({@link Workspace#STANDARD} or {@link Workspace#TEMPORARY_ROOM}).
 */
public record Membership(String workspaceId, String memberId, long userId, Role role,
                         String preferredLanguage, String effectiveLanguage, String kind) {

    /** Owner or admin. */
    public boolean canManage() {
        return role.canManage();
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }
}
