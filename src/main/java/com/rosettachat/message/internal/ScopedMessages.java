package com.rosettachat.message.internal;

import com.rosettachat.message.MessageScope;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A message addressed through a channel or conversation path: 404 {@code Not found.} unless it
 * lives exactly there, so one path never reaches another's messages.
 */
@Component
public class ScopedMessages {

    private final MessageStore store;

    ScopedMessages(MessageStore store) {
        this.store = store;
    }

    public Optional<MessageRow> find(MessageScope scope, String messageId) {
        if (!Ids.isValid(messageId)) {
            return Optional.empty();
        }
        return store.find(messageId.toLowerCase(), null).filter(row -> within(scope, row));
    }

    public MessageRow require(MessageScope scope, String messageId) {
        return find(scope, messageId).orElseThrow(ApiException::notFound);
    }

    /** The message with its row locked for the rest of the transaction, for changes that must not interleave. */
    public MessageRow requireLocked(MessageScope scope, String messageId) {
        if (!Ids.isValid(messageId)) {
            throw ApiException.notFound();
        }
        return store.lock(messageId.toLowerCase()).filter(row -> within(scope, row)).orElseThrow(ApiException::notFound);
    }

    private static boolean within(MessageScope scope, MessageRow row) {
        if (scope instanceof MessageScope.Channel c) {
            return c.channelId().equals(row.channelId()) && c.workspaceId().equals(row.workspaceId());
        }
        return ((MessageScope.Conversation) scope).conversationId().equals(row.conversationId());
    }
}
