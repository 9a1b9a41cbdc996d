package com.rosettachat.realtime.delivery;

import com.rosettachat.message.Message;
import com.rosettachat.message.MessageDeleted;
import com.rosettachat.message.MessageEdited;
import com.rosettachat.message.MessagePosted;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.PinChanged;
import com.rosettachat.message.ReactionChanged;
import com.rosettachat.message.Viewer;
import com.rosettachat.realtime.Broadcaster;
import com.rosettachat.realtime.RealtimeEvents;
import com.rosettachat.shared.events.AfterCommit;
import com.rosettachat.translation.MessageTranslated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Message events to the channels that show them, each rendered once per reading language in
 * the REST shape ({@code {"data": message}}). Rendering without a particular reader, a
 * reaction's {@code me} is false; reaction and pin events say whose change it was instead.
 * Delivered after commit without an event registry entry: a live event missed in a crash is
 * what replay and refetching cover (docs/event-durability.md).
 */
@Component
class MessageBroadcasts {

    private final Broadcaster broadcaster;
    private final MessageService messages;
    private final Channels channels;
    private final AfterCommit afterCommit;

    MessageBroadcasts(Broadcaster broadcaster, MessageService messages, Channels channels, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.broadcaster = broadcaster;
        this.messages = messages;
        this.channels = channels;
    }

    @EventListener
    void on(MessagePosted e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), e.conversationId(), RealtimeEvents.MESSAGE_CREATED, Map.of());
    }

    @EventListener
    void on(MessageTranslated e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), e.conversationId(), RealtimeEvents.MESSAGE_TRANSLATED, Map.of());
    }

    @EventListener
    void on(MessageEdited e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), e.conversationId(), RealtimeEvents.MESSAGE_UPDATED, Map.of());
    }

    @EventListener
    void on(MessageDeleted e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), e.conversationId(), RealtimeEvents.MESSAGE_DELETED, Map.of());
    }

    @EventListener
    void on(ReactionChanged e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), e.conversationId(), RealtimeEvents.MESSAGE_UPDATED,
                Map.of("reaction", Map.of("emoji", e.emoji(), "user_id", e.userId(), "added", e.added())));
    }

    @EventListener
    void on(PinChanged e) {
        send(e.messageId(), e.workspaceId(), e.channelId(), null, RealtimeEvents.MESSAGE_UPDATED,
                Map.of("pin", Map.of("pinned", e.pinned(), "user_id", e.userId())));
    }

    /**
     * Rendering is left to the broadcaster, which asks only for the languages someone listens in:
     * a channel nobody has open costs no read at all.
     */
    private void send(String messageId, String workspaceId, String channelId, String conversationId, String event,
                      Map<String, Object> extra) {
        afterCommit.run(() -> publish(messageId, workspaceId, channelId, conversationId, event, extra));
    }

    private void publish(String messageId, String workspaceId, String channelId, String conversationId, String event,
                         Map<String, Object> extra) {
        Map<String, Optional<Message>> renders = new ConcurrentHashMap<>();
        for (String name : channels.of(workspaceId, channelId, conversationId)) {
            broadcaster.publishPerLanguage(name, event, language -> {
                Optional<Message> message = renders.computeIfAbsent(language,
                        l -> messages.render(messageId, Viewer.language(l)));
                Map<String, Object> payload = new LinkedHashMap<>();
                // Gone already (its workspace was deleted meanwhile): the id is all there is to say.
                payload.put("data", message.<Object>map(m -> m).orElseGet(() -> Map.of("id", messageId)));
                payload.putAll(extra);
                return payload;
            });
        }
    }
}
