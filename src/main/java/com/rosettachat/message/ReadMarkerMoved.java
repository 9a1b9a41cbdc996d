package com.rosettachat.message;

/**
 * A user's read marker in a channel or conversation moved forward to {@code lastReadMessageId}, so
 * their other devices can clear the same unread badge (realtime sends it on {@code private-user.{id}}).
 */
public record ReadMarkerMoved(long userId, String workspaceId, String channelId, String conversationId,
                              String lastReadMessageId) {
}
