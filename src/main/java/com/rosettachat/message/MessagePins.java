package com.rosettachat.message;

import com.rosettachat.message.internal.MessageChangeStore;
import com.rosettachat.message.internal.MessageRenderer;
import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.MessageStore;
import com.rosettachat.message.internal.ScopedMessages;
import com.rosettachat.shared.error.ApiException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pinned channel messages. Callers have checked that the caller may post in the channel. */
@Service
public class MessagePins {

    public static final int MAX_PINS = 100;
    public static final String TOO_MANY = "A channel can have at most " + MAX_PINS + " pinned messages.";

    private final ScopedMessages messages;
    private final MessageChangeStore changes;
    private final MessageStore store;
    private final MessageRenderer renderer;
    private final MessageService service;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessagePins(ScopedMessages messages, MessageChangeStore changes, MessageStore store, MessageRenderer renderer,
                MessageService service, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.changes = changes;
        this.store = store;
        this.renderer = renderer;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    /** Pins the message (pinned already: no change); 422 on a tombstone or past {@value #MAX_PINS} pins. */
    @Transactional
    public Message pin(MessageScope.Channel scope, String messageId, Viewer viewer) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (row.deleted()) {
            throw ApiException.unprocessable(MessageEditor.DELETED);
        }
        if (row.pinnedAt() == null) {
            if (changes.pinCount(row.channelId()) >= MAX_PINS) {
                throw ApiException.unprocessable(TOO_MANY);
            }
            changes.pin(row.id(), viewer.userId(), clock.instant());
            events.publishEvent(new PinChanged(row.id(), row.workspaceId(), row.channelId(), true, viewer.userId()));
        }
        return service.render(row.id(), viewer).orElseThrow();
    }

    @Transactional
    public Message unpin(MessageScope.Channel scope, String messageId, Viewer viewer) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (changes.unpin(row.id())) {
            events.publishEvent(new PinChanged(row.id(), row.workspaceId(), row.channelId(), false, viewer.userId()));
        }
        return service.render(row.id(), viewer).orElseThrow();
    }

    /** The channel's pinned messages for the viewer, newest pin first (at most {@value #MAX_PINS}). */
    public List<Message> pinned(MessageScope.Channel scope, Viewer viewer) {
        return renderer.render(store.pinned(scope.channelId(), viewer.language()), viewer);
    }
}
