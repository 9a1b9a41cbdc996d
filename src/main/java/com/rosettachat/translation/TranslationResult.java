package com.rosettachat.translation;

import java.time.Duration;

/**
 * What one target language got for one text: the translation, or a failure the caller acts on.
 * A {@link Retryable} failure (outage, rate limit, quota, credentials, open circuit) may succeed
 * later and carries a hint of when; a {@link Permanent} one (language the provider lacks, a
 * rejected request, a translation that lost a protected span) will not, so readers keep the original.
 */
public sealed interface TranslationResult {

    /** True when this is a {@link Translated}. */
    default boolean translated() {
        return this instanceof Translated;
    }

    /**
     * A translation. {@code provider} names who made it ({@code none} when nothing needed
     * translating: same language, or a text that is only code, links, mentions and emoji);
     * {@code fromMemory} says it came from the translation memory without a provider call.
     */
    record Translated(String text, String provider, boolean fromMemory) implements TranslationResult {
    }

    /** Worth another attempt, not before {@code retryAfter} (never null). */
    record Retryable(String reason, Duration retryAfter) implements TranslationResult {
    }

    /** Will not succeed with this provider; show the original. */
    record Permanent(String reason) implements TranslationResult {
    }
}
