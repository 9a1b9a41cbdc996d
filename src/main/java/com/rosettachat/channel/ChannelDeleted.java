package com.rosettachat.channel;

/** A channel was deleted; its rows (and, through foreign keys, its messages) are gone. */
public record ChannelDeleted(String workspaceId, String channelId) {
}
