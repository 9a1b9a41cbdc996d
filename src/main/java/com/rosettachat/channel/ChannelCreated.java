package com.rosettachat.channel;

/** A channel was created, a workspace's default channel included. */
public record ChannelCreated(String workspaceId, String channelId) {
}
