package com.rosettachat.workspace;

/**
 * What creating a workspace takes. {@code slug} null means "make one from the name"; {@code password}
 * is the plain text the caller chose (hashed before it is stored), null for none.
 */
public record NewWorkspace(long ownerId, String name, String slug, String visibility, String password, String kind) {

    public NewWorkspace {
        visibility = visibility == null ? Workspace.PRIVATE : visibility;
        kind = kind == null ? Workspace.STANDARD : kind;
    }

    /** The private, passwordless workspace behind a temporary room; guests never become members. */
    public static NewWorkspace temporaryRoom(long ownerId, String name) {
        return new NewWorkspace(ownerId, name, null, Workspace.PRIVATE, null, Workspace.TEMPORARY_ROOM);
    }
}
