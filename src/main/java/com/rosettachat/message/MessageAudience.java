package com.rosettachat.message;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.message.internal.MessageStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Who can read a message, each in their language (CONTRACT §3): the readers of its channel plus
 * any room guests, or the two participants of its conversation. Translation targets and push
 * recipients start from here.
 */
@Service
public class MessageAudience {

    private final MessageStore store;
    private final ChannelAccess channels;
    private final ObjectProvider<ConversationDirectory> conversations;
    private final ObjectProvider<ChannelGuests> guests;

    MessageAudience(MessageStore store, ChannelAccess channels, ObjectProvider<ConversationDirectory> conversations,
                    ObjectProvider<ChannelGuests> guests) {
        this.store = store;
        this.channels = channels;
        this.conversations = conversations;
        this.guests = guests;
    }

    public List<Viewer> readers(String messageId) {
        return store.find(messageId, null).map(row -> {
            List<Viewer> readers = new ArrayList<>();
            if (row.channelId() != null) {
                channels.readers(row.workspaceId(), row.channelId())
                        .forEach(r -> readers.add(Viewer.user(r.userId(), r.language())));
                guests.orderedStream().forEach(g -> readers.addAll(g.guests(row.workspaceId(), row.channelId())));
            } else {
                conversations.ifAvailable(d -> readers.addAll(d.readers(row.conversationId())));
            }
            return readers;
        }).orElse(List.of());
    }

    /** Whether {@code userId} may read the conversation of a direct message. */
    public boolean isParticipant(long userId, String conversationId) {
        ConversationDirectory directory = conversations.getIfAvailable();
        return directory != null && directory.isParticipant(userId, conversationId);
    }
}
