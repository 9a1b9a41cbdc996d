package com.rosettachat.translation;

/**
 * Implemented by whatever queues translations (the translation worker): a bean of this type is
 * counted in {@link TranslationStats#queueDepth()} and the {@code rosetta.translation.queue.depth} gauge.
 */
@FunctionalInterface
public interface TranslationBacklog {

    /** Translations waiting to be done. */
    long depth();
}
