package com.rosettachat.search.internal;

import com.rosettachat.message.MessageDeleted;
import com.rosettachat.message.MessageEdited;
import com.rosettachat.message.MessagePosted;
import com.rosettachat.translation.MessageTranslated;
import java.util.List;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Indexes in the background after the posting (or translating) transaction commits. Spring
 * Modulith records each publication, so work a crash interrupts is redone at the next start.
 * Not {@code @ApplicationModuleListener}: its surrounding transaction would stop the indexer from
 * retrying in a fresh one after PostgreSQL aborts a failed statement's transaction.
 */
@Component
class IndexListeners {

    private final SearchIndexer indexer;

    IndexListeners(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Async(SearchIndexConfig.EXECUTOR)
    @TransactionalEventListener
    void on(MessagePosted posted) {
        if (posted.channelId() != null) {
            indexer.reindex(List.of(posted.messageId()));
        }
    }

    /** Whatever languages it names, reindexing reads every stored translation (a retry round may have stored more). */
    @Async(SearchIndexConfig.EXECUTOR)
    @TransactionalEventListener
    void on(MessageTranslated translated) {
        if (translated.channelId() != null) {
            indexer.reindex(List.of(translated.messageId()));
        }
    }

    /** The new text replaces the old documents; its translations arrive later as MessageTranslated. */
    @Async(SearchIndexConfig.EXECUTOR)
    @TransactionalEventListener
    void on(MessageEdited edited) {
        if (edited.channelId() != null) {
            indexer.reindex(List.of(edited.messageId()));
        }
    }

    /** A tombstone has no text: reindexing finds it deleted and drops its documents. */
    @Async(SearchIndexConfig.EXECUTOR)
    @TransactionalEventListener
    void on(MessageDeleted deleted) {
        if (deleted.channelId() != null) {
            indexer.reindex(List.of(deleted.messageId()));
        }
    }
}
