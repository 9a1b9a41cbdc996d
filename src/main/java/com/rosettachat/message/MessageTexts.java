package com.rosettachat.message;

import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.MessageStore;
import com.rosettachat.message.internal.MessageTextStore;
import com.rosettachat.shared.Ids;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every stored text of a message — the original and each translation — for modules that index
 * them (search). Reading through here never asks for a missing translation, unlike rendering for
 * a reader, so an indexer does not set the translation worker off.
 */
@Service
public class MessageTexts {

    /** One message's texts; {@code translations} maps language to stored translation. */
    public record Texts(String messageId, String workspaceId, String channelId, String conversationId, String type,
                        String senderType, Long senderUserId, String content, String originalLanguage,
                        Map<String, String> translations, boolean deleted, Instant createdAt) {
    }

    private final MessageStore messages;
    private final MessageTextStore texts;

    MessageTexts(MessageStore messages, MessageTextStore texts) {
        this.messages = messages;
        this.texts = texts;
    }

    public Optional<Texts> find(String messageId) {
        return Ids.isValid(messageId) ? findAll(List.of(messageId.toLowerCase())).stream().findFirst() : Optional.empty();
    }

    /** Several messages' texts in id order, in two queries; unknown ids are left out. */
    public List<Texts> findAll(Collection<String> messageIds) {
        List<MessageRow> rows = messages.findAll(messageIds.stream().filter(Ids::isValid).toList(), null);
        Map<String, Map<String, String>> translations = texts.translations(rows.stream().map(MessageRow::id).toList());
        return rows.stream().map(r -> new Texts(r.id(), r.workspaceId(), r.channelId(), r.conversationId(), r.type(),
                r.senderType(), r.senderUserId(), r.content(), r.originalLanguage(),
                translations.getOrDefault(r.id(), Map.of()), r.deletedAt() != null, r.createdAt())).toList();
    }

    /** Ids of channel messages after {@code afterId} (null: from the first), oldest first. */
    public List<String> channelMessageIdsAfter(String afterId, int limit) {
        return texts.channelMessageIdsAfter(afterId, limit);
    }
}
