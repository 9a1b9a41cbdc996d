package com.rosettachat.translation.internal;

import com.rosettachat.message.Message;
import com.rosettachat.message.MessageEdited;
import com.rosettachat.message.MessagePosted;
import com.rosettachat.message.MessageTranslations;
import com.rosettachat.message.TranslationJob;
import com.rosettachat.shared.events.AfterCommit;
import com.rosettachat.translation.MessageTranslated;
import com.rosettachat.translation.TranslationBacklog;
import com.rosettachat.translation.TranslationEngine;
import com.rosettachat.translation.TranslationResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Translates every new message, and every edited text, into its readers' languages (CONTRACT §3)
 * in the background.
 * Provider calls and waits between attempts run outside any transaction, so a slow provider never
 * holds a database connection; each round's results, the status and {@link MessageTranslated} are
 * written in one short transaction. A node that dies mid-way leaves the event publication open
 * (Spring Modulith resubmits it at restart) and the message {@code pending} (swept up again).
 */
@Component
class TranslationWorker implements TranslationBacklog {

    private static final Logger log = LoggerFactory.getLogger(TranslationWorker.class);
    private static final long MAX_WAIT_MILLIS = 60_000;

    private final MessageTranslations messages;
    private final TranslationEngine engine;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TranslationWorkerProperties properties;
    private final Clock clock;
    private final TaskExecutor executor;
    private final AfterCommit afterCommit;
    private final Semaphore slots;
    private final AtomicLong backlog = new AtomicLong();
    /** Message ids (and message:language heals) being worked on by this node, so none runs twice at once. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Messages asked for again while in flight (edited during their run): their run goes round once more. */
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    TranslationWorker(MessageTranslations messages, TranslationEngine engine, ApplicationEventPublisher events,
                      TransactionTemplate transactions, TranslationWorkerProperties properties, Clock clock,
                      @Qualifier("applicationTaskExecutor") TaskExecutor executor, AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.messages = messages;
        this.engine = engine;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.executor = executor;
        this.slots = new Semaphore(Math.max(1, properties.concurrency()));
    }

    /**
     * After the post commits, without an event registry entry: the message itself records the
     * work ({@code pending} until its first pass ends), and {@link #resumeUnfinished} picks up
     * what a crash interrupted.
     */
    @EventListener
    void on(MessagePosted posted) {
        afterCommit.run(() -> translate(posted.messageId()));
    }

    /** An edited text is translated like a new one; the translation memory still serves texts seen before. */
    @EventListener
    void on(MessageEdited edited) {
        afterCommit.run(() -> translate(edited.messageId()));
    }

    @Override
    public long depth() {
        return backlog.get();
    }

    /**
     * Every target language of the message, in up to {@code attempts} rounds. A message already
     * being worked on is marked to run once more when that run ends, since an edit may have changed
     * its text meanwhile (a run that lost the race anyway leaves it {@code pending} for the sweep).
     */
    void translate(String messageId) {
        if (!engine.enabled()) {
            return;
        }
        if (!inFlight.add(messageId)) {
            again.add(messageId);
            return;
        }
        backlog.incrementAndGet();
        try {
            do {
                again.remove(messageId);
                translateOnce(messageId);
            } while (again.contains(messageId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.remove(messageId);
            backlog.decrementAndGet();
        }
    }

    private void translateOnce(String messageId) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            TranslationJob job = messages.job(messageId).orElse(null);
            if (job == null || job.skipTranslation() || job.deleted()) {
                return;
            }
            Round round = round(job, job.missing());
            if (round.retryAfter == null || attempt >= properties.attempts()) {
                finish(job, round, Message.FAILED);
                return;
            }
            store(job, round);
            Duration backoff = properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
            // A provider asking for more than a minute gets its answer on a later read (healing) instead.
            Thread.sleep(Math.min(MAX_WAIT_MILLIS, Math.max(backoff.toMillis(), round.retryAfter.toMillis())));
        }
    }

    /**
     * A reader found no translation in {@code language}: translate just that one, once. A message
     * still being worked on is left to its worker, which already knows its readers' languages.
     */
    @Async
    public void heal(Collection<String> messageIds, String language) {
        for (String id : messageIds) {
            String key = id + ":" + language;
            if (!engine.enabled() || !inFlight.add(key)) {
                continue;
            }
            backlog.incrementAndGet();
            try {
                messages.job(id).filter(job -> !job.skipTranslation() && !job.deleted()
                                && !Message.PENDING.equals(job.status()) && !job.translated().contains(language)
                                && !language.equals(job.sourceLanguage()))
                        .ifPresent(job -> finish(job, round(job, Set.of(language)), job.status()));
            } finally {
                inFlight.remove(key);
                backlog.decrementAndGet();
            }
        }
    }

    /** Picks up messages a dead node left {@code pending}; runs at start-up and every minute. */
    @Scheduled(initialDelayString = "${rosetta.translation.worker.sweep-delay:30s}",
            fixedDelayString = "${rosetta.translation.worker.sweep-interval:1m}")
    void resumeUnfinished() {
        if (!engine.enabled()) {
            return;
        }
        for (String id : messages.unfinished(clock.instant().minus(properties.resumeAfter()), 200)) {
            executor.execute(() -> translate(id));
        }
    }

    /** The provider's answers for {@code targets}, outside any transaction. */
    private Round round(TranslationJob job, Set<String> targets) {
        Round round = new Round();
        if (targets.isEmpty()) {
            return round;
        }
        Map<String, TranslationResult> results;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            round.retryAfter = Duration.ZERO;
            return round;
        }
        try {
            results = engine.translate(job.content(), job.sourceLanguage(), targets);
        } finally {
            slots.release();
        }
        results.forEach((language, result) -> {
            if (result instanceof TranslationResult.Translated t) {
                round.texts.put(language, t.text());
            } else if (result instanceof TranslationResult.Retryable r) {
                if (round.retryAfter == null || r.retryAfter().compareTo(round.retryAfter) > 0) {
                    round.retryAfter = r.retryAfter();
                }
            } else if (result instanceof TranslationResult.Permanent p) {
                log.debug("message {} cannot be translated into {}: {}", job.messageId(), language, p.reason());
            }
        });
        return round;
    }

    private void store(TranslationJob job, Round round) {
        round.texts.forEach((language, text) -> {
            if (messages.save(job.messageId(), language, text, job.content())) {
                round.stored.add(language);
            }
        });
    }

    /**
     * Stores the round, settles the status and tells the readers, in one transaction: {@code
     * completed} once every reader language is stored, else {@code otherwise}.
     */
    private void finish(TranslationJob job, Round round, String otherwise) {
        transactions.executeWithoutResult(tx -> {
            store(job, round);
            Set<String> missing = new HashSet<>(job.missing());
            missing.removeAll(round.stored);
            String settled = job.targets().isEmpty() && job.translated().isEmpty() && round.stored.isEmpty()
                    ? Message.SKIPPED : missing.isEmpty() ? Message.COMPLETED : otherwise;
            if (!messages.settle(job.messageId(), settled, job.content())) {
                return; // edited or deleted meanwhile: the run for its new text settles and announces it
            }
            // An edit sends the status back to pending too, but push waits only for the pass after posting.
            boolean firstPass = Message.PENDING.equals(job.status()) && !job.firstPassDone();
            // Skipped needs no news; a heal that stored nothing changed nothing.
            if (!Message.SKIPPED.equals(settled) && (firstPass || !round.stored.isEmpty())) {
                events.publishEvent(new MessageTranslated(job.messageId(), job.workspaceId(), job.channelId(),
                        job.conversationId(), Set.copyOf(round.stored), settled, firstPass));
            }
        });
    }

    /** One round's outcome: texts to store, and when to try again (null: no need). */
    private static final class Round {
        final Map<String, String> texts = new ConcurrentHashMap<>();
        final Set<String> stored = ConcurrentHashMap.newKeySet();
        Duration retryAfter;
    }
}
