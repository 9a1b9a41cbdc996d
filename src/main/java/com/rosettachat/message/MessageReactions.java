package com.rosettachat.message;

import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.ReactionStore;
import com.rosettachat.message.internal.ScopedMessages;
import com.rosettachat.shared.Emoji;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emoji reactions: any reader adds or removes their own, idempotently. Callers have checked that
 * the caller may read the channel or conversation.
 */
@Service
public class MessageReactions {

    public static final int MAX_EMOJI = 64;
    public static final String INVALID = "The emoji field format is invalid.";
    private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+-]{1,50}:");

    private final ScopedMessages messages;
    private final ReactionStore reactions;
    private final MessageService service;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageReactions(ScopedMessages messages, ReactionStore reactions, MessageService service,
                     ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.reactions = reactions;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The reaction as stored: one Unicode emoji sequence exactly as sent (👍, 👍🏽, 🇯🇵, 1️⃣), or a
     * {@code :shortcode:} of letters, digits, {@code _ + -} (lowercased, for custom emoji clients
     * map themselves). Anything else is 422 on {@code emoji}.
     */
    public static String parseEmoji(String raw) {
        String emoji = raw == null ? "" : raw.strip();
        if (emoji.length() > MAX_EMOJI) {
            throw ValidationException.of("emoji", "The emoji field must not be greater than " + MAX_EMOJI + " characters.");
        }
        String lower = emoji.toLowerCase(Locale.ROOT);
        if (SHORTCODE.matcher(lower).matches()) {
            return lower;
        }
        if (Emoji.isSingle(emoji)) {
            return emoji;
        }
        throw ValidationException.of("emoji", emoji.isEmpty() ? "The emoji field is required." : INVALID);
    }

    /** Adds the viewer's reaction (again: no change); 422 on a tombstone. */
    @Transactional
    public Message add(MessageScope scope, String messageId, String emoji, Viewer viewer) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (row.deleted()) {
            throw ApiException.unprocessable(MessageEditor.DELETED);
        }
        if (reactions.add(row.id(), emoji, viewer.userId(), clock.instant())) {
            publish(row, emoji, viewer, true);
        }
        return service.render(row.id(), viewer).orElseThrow();
    }

    /** Removes the viewer's reaction; removing one they do not have changes nothing. */
    @Transactional
    public Message remove(MessageScope scope, String messageId, String emoji, Viewer viewer) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (reactions.remove(row.id(), emoji, viewer.userId())) {
            publish(row, emoji, viewer, false);
        }
        return service.render(row.id(), viewer).orElseThrow();
    }

    private void publish(MessageRow row, String emoji, Viewer viewer, boolean added) {
        events.publishEvent(new ReactionChanged(row.id(), row.workspaceId(), row.channelId(), row.conversationId(),
                emoji, viewer.userId(), added));
    }
}
