package com.rosettachat.channel;

/**
 * A channel's name, slug, visibility or password changed; the names let the server announce a
 * rename, and the visibility lets realtime re-check who may still listen.
 */
public record ChannelUpdated(String workspaceId, String channelId, String previousName, String name, String visibility) {

    public boolean renamed() {
        return !previousName.equals(name);
    }
}
