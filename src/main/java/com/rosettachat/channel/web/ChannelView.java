package com.rosettachat.channel.web;

import com.rosettachat.channel.internal.Channel;
import com.rosettachat.shared.time.Timestamps;

/** The channel shape of CONTRACT §5. */
record ChannelView(String id, String workspaceId, String name, String slug, String visibility, boolean hasPassword,
                   boolean isDefault, Long createdBy, String createdAt, String updatedAt) {

    static ChannelView of(Channel c) {
        return new ChannelView(c.id(), c.workspaceId(), c.name(), c.slug(), c.visibility(), c.hasPassword(),
                c.isDefault(), c.createdBy(), Timestamps.resource(c.createdAt()), Timestamps.resource(c.updatedAt()));
    }
}
