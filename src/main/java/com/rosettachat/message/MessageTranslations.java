package com.rosettachat.message;

import com.rosettachat.message.internal.MessageStore;
import com.rosettachat.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message side of translation: what to translate, and where the results go. Translations
 * are stored per (message, language) and only while the message still says what was translated,
 * so a late result for an edited text is dropped instead of shown as current.
 */
@Service
public class MessageTranslations {

    private final MessageStore store;
    private final MessageAudience audience;
    private final Clock clock;

    MessageTranslations(MessageStore store, MessageAudience audience, Clock clock) {
        this.store = store;
        this.audience = audience;
        this.clock = clock;
    }

    public Optional<TranslationJob> job(String messageId) {
        if (!Ids.isValid(messageId)) {
            return Optional.empty();
        }
        return store.find(messageId, null).map(row -> {
            Set<String> targets = new HashSet<>();
            audience.readers(messageId).forEach(r -> {
                if (r.language() != null && !r.language().equals(row.originalLanguage())) {
                    targets.add(r.language());
                }
            });
            return new TranslationJob(row.id(), row.workspaceId(), row.channelId(), row.conversationId(), row.content(),
                    row.originalLanguage(), row.skipTranslation(), row.deletedAt() != null, row.translationStatus(),
                    Set.copyOf(targets), Set.copyOf(store.translatedLanguages(row.id())), row.firstPassDone());
        });
    }

    /**
     * Stores a translation of {@code translatedFrom}; false when the message no longer says that
     * (edited or deleted). Its own transaction at least, as it locks the message row while checking.
     */
    @Transactional
    public boolean save(String messageId, String language, String text, String translatedFrom) {
        return store.saveTranslationOf(messageId, language, text, translatedFrom, clock.instant());
    }

    /**
     * Settles the status of the translation of {@code translatedFrom} and ends the message's first
     * pass; false, changing nothing, when the message has been edited or deleted since: the pass
     * for its new text settles it instead.
     */
    public boolean settle(String messageId, String status, String translatedFrom) {
        return store.settleStatus(messageId, status, translatedFrom);
    }

    /** Messages still {@code pending} that were posted before {@code postedBefore}, oldest first. */
    public List<String> unfinished(Instant postedBefore, int limit) {
        return store.withStatus(Message.PENDING, postedBefore, limit);
    }
}
