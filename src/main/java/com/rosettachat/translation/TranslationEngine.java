package com.rosettachat.translation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates message text into readers' languages. Synchronous and thread-safe: the caller (the
 * translation worker) brings the concurrency and the retries across time. Never throws for a
 * provider problem; every requested target gets a {@link TranslationResult}.
 */
public interface TranslationEngine {

    /** False when {@code ROSETTA_TRANSLATION_PROVIDER} is {@code none}: messages are then {@code skipped}. */
    boolean enabled();

    /** The configured provider: {@code none}, {@code libretranslate}, {@code deepl}, {@code google} or {@code openai}. */
    String provider();

    /**
     * One text from {@code source} into each of {@code targets} (language codes of
     * {@link com.rosettachat.shared.Language}). The result has one entry per target; a target equal
     * to the source gets the text itself.
     */
    Map<String, TranslationResult> translate(String text, String source, Set<String> targets);

    /** Several texts of one source language at once (a backlog), batched into as few provider calls as allowed. */
    List<Map<String, TranslationResult>> translateAll(List<String> texts, String source, Set<String> targets);

    /** Counters since this node started, for administrators. */
    TranslationStats stats();
}
