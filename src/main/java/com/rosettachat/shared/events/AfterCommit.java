package com.rosettachat.shared.events;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work in the background once the current transaction has committed (at once when there is
 * none), without an entry in Spring Modulith's event publication registry. For listeners whose
 * work is either ephemeral (realtime delivery: a client that misses it refetches) or made durable
 * by its own records (translation: a message stays {@code pending} until translated and a sweep
 * resumes it): the registry would add three writes and commits per listener per message.
 * See docs/event-durability.md.
 */
@Component
public class AfterCommit {

    private final TaskExecutor executor;

    AfterCommit(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
    }

    /** Call from a plain {@code @EventListener}, which runs inside the publishing transaction. */
    public void run(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(task);
                }
            });
        } else {
            executor.execute(task);
        }
    }
}
