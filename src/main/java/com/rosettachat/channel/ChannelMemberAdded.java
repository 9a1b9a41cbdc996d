package com.rosettachat.channel;

/** Someone became a member of a channel: its creator, a join, or an admin adding them. */
public record ChannelMemberAdded(String workspaceId, String channelId, long userId) {
}
