package com.rosettachat.channel.web;

import com.rosettachat.channel.ChannelUnread;
import com.rosettachat.channel.internal.Channel;
import com.rosettachat.shared.time.Timestamps;

/**
 * The channel shape of CONTRACT §5, plus the caller's unread state: top-level messages after their
 * read marker, mentions of them among those, and the marker (null before their first read).
 */
record ChannelView(String id, String workspaceId, String name, String slug, String visibility, boolean hasPassword,
                   boolean isDefault, Long createdBy, long unreadCount, long mentionCount, String lastReadMessageId,
                   String createdAt, String updatedAt) {

    static ChannelView of(Channel c, ChannelUnread unread) {
        ChannelUnread u = unread == null ? ChannelUnread.NONE : unread;
        return new ChannelView(c.id(), c.workspaceId(), c.name(), c.slug(), c.visibility(), c.hasPassword(),
                c.isDefault(), c.createdBy(), u.unreadCount(), u.mentionCount(), u.lastReadMessageId(),
                Timestamps.resource(c.createdAt()), Timestamps.resource(c.updatedAt()));
    }
}
