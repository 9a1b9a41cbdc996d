package com.rosettachat.channel;

/** A channel as other modules see it. */
public record ChannelRef(String id, String workspaceId, String name, String slug, String visibility, boolean isDefault) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }
}
