package com.rosettachat.search.internal;

import com.rosettachat.message.MessageTexts;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Indexes the messages that were posted before search existed, or all of them again when an
 * administrator asks (after a change to segmentation, say). Runs in the background, in batches of
 * {@value #BATCH}, and records its position after each, so a restart carries on where it stopped.
 * New messages are indexed by their events meanwhile; both paths take the same per-message lock.
 */
@Component
public class SearchBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    static final int BATCH = 200;

    private final MessageTexts texts;
    private final SearchIndexer indexer;
    private final DocumentStore documents;
    private final TaskExecutor executor;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    /** A restart asked for while a pass runs: that pass goes back to the first message. */
    private final AtomicBoolean fromTheTop = new AtomicBoolean();

    SearchBackfill(MessageTexts texts, SearchIndexer indexer, DocumentStore documents,
                   @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.texts = texts;
        this.indexer = indexer;
        this.documents = documents;
        this.executor = executor;
        this.clock = clock;
    }

    /** At start-up: carries on with a backfill that never ran or never finished. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        DocumentStore.Backfill state = documents.backfill().orElse(null);
        if (state == null) {
            documents.restartBackfill();
        } else if (state.completedAt() != null) {
            return;
        }
        start();
    }

    /** Reindexes every channel message from the first; a pass already running on this node starts over. */
    public void restart() {
        documents.restartBackfill();
        fromTheTop.set(true);
        start();
    }

    private void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("search backfill stopped; it resumes at the next start", e);
            } finally {
                running.set(false);
            }
            // A restart that came as this pass was ending found it still running.
            if (fromTheTop.get()) {
                start();
            }
        });
    }

    /** Batches until no message is left; returns how many messages it indexed. */
    private long run() {
        String after = documents.backfill().map(DocumentStore.Backfill::lastMessageId).orElse(null);
        long done = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (fromTheTop.getAndSet(false)) {
                after = null;
            }
            List<String> ids = texts.channelMessageIdsAfter(after, BATCH);
            if (ids.isEmpty()) {
                documents.backfilled(after, clock.instant());
                log.info("search backfill indexed {} messages", done);
                return done;
            }
            indexer.reindex(ids);
            after = ids.get(ids.size() - 1);
            done += ids.size();
            documents.backfilled(after, null);
        }
        return done;
    }
}
