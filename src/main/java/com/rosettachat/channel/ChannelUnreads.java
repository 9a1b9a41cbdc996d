package com.rosettachat.channel;

import com.rosettachat.workspace.Membership;
import java.util.Collection;
import java.util.Map;

/**
 * Unread counts for channel lists, implemented by the message module, which owns messages and
 * read markers. Without an implementation every channel reads as {@link ChannelUnread#NONE}.
 */
public interface ChannelUnreads {

    /** Each channel's state for {@code reader}, in a fixed number of queries however many channels. */
    Map<String, ChannelUnread> unread(Membership reader, Collection<String> channelIds);
}
