package com.rosettachat.search.internal;

import com.rosettachat.message.Message;
import com.rosettachat.message.MessageTexts;
import com.rosettachat.message.MessageTexts.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the index of some messages in line with what they say now: the original and every stored
 * translation, as whole documents. Idempotent and order-free, so any event about a message (posted,
 * translated, edited) may simply reindex it, and a deleted or vanished message loses its documents.
 */
@Component
class SearchIndexer {

    private static final int ATTEMPTS = 5;

    private final MessageTexts texts;
    private final SearchIndex index;
    private final DocumentStore documents;
    private final TransactionTemplate transactions;

    SearchIndexer(MessageTexts texts, SearchIndex index, DocumentStore documents, TransactionTemplate transactions) {
        this.texts = texts;
        this.index = index;
        this.documents = documents;
        this.transactions = transactions;
    }

    /**
     * In one short transaction; a duplicate key or foreign-key failure (a writer on another node, a
     * message deleted meanwhile) or a lock timeout is retried in a fresh one, which then sees why.
     */
    void reindex(Collection<String> messageIds) {
        List<String> ids = messageIds.stream().distinct().sorted().toList();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> reindexOnce(ids));
                return;
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void reindexOnce(List<String> ids) {
        List<Texts> searchable = texts.findAll(ids).stream().filter(SearchIndexer::searchable).toList();
        Set<String> gone = new HashSet<>(ids);
        searchable.forEach(t -> gone.remove(t.messageId()));
        documents.removeAll(gone);
        if (searchable.isEmpty()) {
            return;
        }
        documents.lock(searchable.stream().map(t -> document(t, SearchIndex.ORIGINAL)).toList());
        // Read again now that the lock is ours: a writer that went before has committed what it read.
        List<Texts> current = texts.findAll(searchable.stream().map(Texts::messageId).toList());
        Map<String, Set<String>> indexed = documents.variants(current.stream().map(Texts::messageId).toList());
        List<String> vanished = new ArrayList<>();
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (Texts t : current) {
            if (!searchable(t)) {
                vanished.add(t.messageId());
                continue;
            }
            Map<String, String> variants = variants(t);
            Set<String> stale = new HashSet<>(indexed.getOrDefault(t.messageId(), Set.of()));
            stale.removeAll(variants.keySet());
            if (!stale.isEmpty()) {
                documents.remove(t.messageId(), stale);
            }
            variants.forEach((variant, text) -> entries.add(new SearchIndex.Entry(document(t, variant),
                    Segmenter.index(text).stream().map(Segmenter.Token::term).toList())));
        }
        documents.removeAll(vanished);
        if (!entries.isEmpty()) {
            index.write(entries);
        }
    }

    /** Channel messages people wrote; direct messages and the server's own notices are not searched here. */
    private static boolean searchable(Texts t) {
        return t.channelId() != null && t.workspaceId() != null && !t.deleted() && !Message.SYSTEM.equals(t.type());
    }

    /** The original (possibly empty: an attachment-only message keeps its row, which holds the lock) and each translation. */
    private static Map<String, String> variants(Texts t) {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put(SearchIndex.ORIGINAL, t.content() == null ? "" : t.content());
        t.translations().forEach((language, text) -> {
            if (!language.equals(t.originalLanguage()) && text != null && !text.isBlank()) {
                variants.put(language, text);
            }
        });
        return variants;
    }

    private static SearchIndex.Document document(Texts t, String variant) {
        return new SearchIndex.Document(t.messageId(), variant, t.workspaceId(), t.channelId(), t.senderUserId(),
                t.createdAt());
    }
}
