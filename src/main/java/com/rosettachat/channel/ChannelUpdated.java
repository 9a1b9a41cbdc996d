package com.rosettachat.channel;

/** A channel's name, slug, visibility or password changed. */
public record ChannelUpdated(String workspaceId, String channelId) {
}
