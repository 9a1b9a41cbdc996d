package com.rosettachat.message;

import com.rosettachat.channel.ChannelUnread;
import com.rosettachat.channel.ChannelUnreads;
import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.ReadStore;
import com.rosettachat.message.internal.ScopedMessages;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.Membership;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Read markers and unread counts. A marker is one row per reader per channel or conversation,
 * written only when they read; counts are taken from the messages after it at the time of asking.
 * Before a reader's first read the count starts where they came in: when they joined the
 * workspace (its member id, a ULID, is that moment) or when the conversation was opened.
 */
@Service
public class ReadMarkers implements ChannelUnreads {

    public static final String INVALID_MESSAGE = "The selected message id is invalid.";

    private final ScopedMessages messages;
    private final ReadStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReadMarkers(ScopedMessages messages, ReadStore store, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The body of a read: {@code message_id}, a ULID; whether it names a message here is checked when marking. */
    public static String parseMessageId(Input input) {
        String id = input.field("message_id").required().string()
                .check(Ids.isValid(input.raw("message_id")), INVALID_MESSAGE).asString();
        input.validate();
        return id.toLowerCase();
    }

    /**
     * Moves the reader's channel marker forward to {@code messageId}, a top-level message of the
     * channel (tombstones included); 422 on {@code message_id} for anything else.
     */
    public ReadState markChannelRead(Membership reader, String channelId, String messageId) {
        MessageRow row = messages.find(MessageScope.channel(reader.workspaceId(), channelId), messageId)
                .filter(m -> m.parentMessageId() == null)
                .orElseThrow(() -> ValidationException.of("message_id", INVALID_MESSAGE));
        mark(ReadStore.Scope.CHANNEL, reader.userId(), channelId, row);
        return channels(reader, List.of(channelId)).get(channelId);
    }

    /** The same for a direct conversation the caller takes part in. */
    public ReadState markConversationRead(long userId, String conversationId, String messageId) {
        MessageRow row = messages.find(MessageScope.conversation(conversationId), messageId)
                .orElseThrow(() -> ValidationException.of("message_id", INVALID_MESSAGE));
        mark(ReadStore.Scope.CONVERSATION, userId, conversationId, row);
        return conversations(userId, List.of(conversationId)).get(conversationId);
    }

    private void mark(ReadStore.Scope scope, long userId, String scopeId, MessageRow row) {
        if (store.markRead(scope, userId, scopeId, row.id(), clock.instant())) {
            events.publishEvent(new ReadMarkerMoved(userId, row.workspaceId(), row.channelId(), row.conversationId(),
                    row.id()));
        }
    }

    /** Each channel's state for the reader: two queries for the whole list. */
    public Map<String, ReadState> channels(Membership reader, Collection<String> channelIds) {
        return states(ReadStore.Scope.CHANNEL, reader.userId(), channelIds, id -> reader.memberId());
    }

    /** Each conversation's state for a participant: two queries for the whole list. */
    public Map<String, ReadState> conversations(long userId, Collection<String> conversationIds) {
        return states(ReadStore.Scope.CONVERSATION, userId, conversationIds, id -> id);
    }

    @Override
    public Map<String, ChannelUnread> unread(Membership reader, Collection<String> channelIds) {
        return channels(reader, channelIds).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new ChannelUnread(e.getValue().unreadCount(), e.getValue().mentionCount(),
                        e.getValue().lastReadMessageId())));
    }

    private Map<String, ReadState> states(ReadStore.Scope scope, long userId, Collection<String> ids,
                                          java.util.function.UnaryOperator<String> start) {
        Map<String, String> markers = store.markers(scope, userId, ids);
        Map<String, String> from = new LinkedHashMap<>();
        ids.forEach(id -> from.put(id, markers.getOrDefault(id, start.apply(id))));
        Map<String, ReadState> states = new LinkedHashMap<>();
        store.counts(scope, userId, from).forEach((id, c) ->
                states.put(id, new ReadState(c.unread(), c.mentions(), markers.get(id))));
        return states;
    }
}
