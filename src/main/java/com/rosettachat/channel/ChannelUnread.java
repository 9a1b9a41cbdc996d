package com.rosettachat.channel;

/**
 * A reader's unread state of one channel: top-level messages after their read marker, those of
 * them that mention the reader, and the marker itself (null before their first read).
 */
public record ChannelUnread(long unreadCount, long mentionCount, String lastReadMessageId) {

    public static final ChannelUnread NONE = new ChannelUnread(0, 0, null);
}
