package com.rosettachat.device.internal;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.channel.ChannelRef;
import com.rosettachat.device.PushNotification;
import com.rosettachat.device.PushService;
import com.rosettachat.message.Mentions;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageAudience;
import com.rosettachat.message.MessagePosted;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.Viewer;
import com.rosettachat.translation.MessageTranslated;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who is pushed for a new message (CONTRACT §9): the other participant of a direct conversation,
 * the author of the message a reply answers, and every reader it {@code <@mentions>} — never the
 * sender, each once, each with the text in their own language. A reader whose translation is
 * still on its way is pushed when it arrives ({@link #onTranslated}).
 */
@Component
class MessagePushes {

    private final MessageService messages;
    private final MessageAudience audience;
    private final ChannelAccess channels;
    private final PushService push;

    MessagePushes(MessageService messages, MessageAudience audience, ChannelAccess channels, PushService push) {
        this.messages = messages;
        this.audience = audience;
        this.channels = channels;
        this.push = push;
    }

    /** Most channel messages address nobody: the condition spares them the event registry's writes too. */
    @ApplicationModuleListener(condition = "#posted.addressesSomeone()")
    void onPosted(MessagePosted posted) {
        recipients(posted.messageId()).forEach((viewer, message) -> {
            if (!awaitsTranslation(message, viewer)) {
                push.send(viewer.userId(), notification(message));
            }
        });
    }

    /** Pushes those whose language needed a translation, now that translation has finished (or given up). */
    @ApplicationModuleListener
    void onTranslated(MessageTranslated translated) {
        if (!translated.firstPass()) {
            return;
        }
        recipients(translated.messageId()).forEach((viewer, message) -> {
            if (!viewer.language().equals(message.originalLanguage())) {
                push.send(viewer.userId(), notification(message));
            }
        });
    }

    /**
     * Whether this recipient's push waits for the translation pass. Any status but {@code skipped}
     * means a pass was started at posting (it may even have finished already); its end pushes
     * everyone who reads another language than the original, exactly once.
     */
    private static boolean awaitsTranslation(Message message, Viewer viewer) {
        return !Message.SKIPPED.equals(message.translationStatus())
                && !viewer.language().equals(message.originalLanguage());
    }

    /** Each recipient with the message rendered for them. */
    private Map<Viewer, Message> recipients(String messageId) {
        Map<Viewer, Message> out = new LinkedHashMap<>();
        Message message = messages.render(messageId, Viewer.language(null)).orElse(null);
        // A message deleted before its push went out tells nobody anything.
        if (message == null || Message.SYSTEM.equals(message.type()) || message.deletedAt() != null) {
            return out;
        }
        Object senderId = message.sender().id();
        Set<Long> wanted = new LinkedHashSet<>();
        // Readers are loaded only once someone is wanted: for a public channel they are the whole workspace.
        List<Viewer> readers = message.conversationId() != null ? audience.readers(messageId) : null;
        if (readers != null) {
            readers.forEach(r -> wanted.add(r.userId()));
        }
        if (message.parentMessageId() != null) {
            messages.render(message.parentMessageId(), Viewer.language(null))
                    .filter(parent -> parent.sender().id() instanceof Long)
                    .ifPresent(parent -> wanted.add((Long) parent.sender().id()));
        }
        wanted.addAll(Mentions.userIds(message.originalContent()));
        wanted.remove(senderId instanceof Long id ? id : null);
        if (wanted.isEmpty()) {
            return out;
        }
        if (readers == null) {
            readers = audience.readers(messageId);
        }
        // Only people who can read the message are told about it, in the language they read it in.
        for (Viewer reader : readers) {
            if (reader.userId() != null && wanted.contains(reader.userId())) {
                messages.render(messageId, reader).ifPresent(rendered -> out.put(reader, rendered));
            }
        }
        return out;
    }

    private PushNotification notification(Message message) {
        String title = message.sender().name();
        if (message.channelId() != null) {
            title += channels.find(message.workspaceId(), message.channelId()).map(ChannelRef::name)
                    .map(name -> " in #" + name).orElse("");
        }
        String body = message.displayContent().isBlank()
                ? "📎 " + message.attachments().size() + " attachment(s)" : message.displayContent();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "message");
        data.put("message_id", message.id());
        data.put("workspace_id", message.workspaceId());
        data.put("channel_id", message.channelId());
        data.put("conversation_id", message.conversationId());
        return new PushNotification(title, body, data);
    }
}
