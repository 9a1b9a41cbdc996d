package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One machine-translation service. Texts are templates: protected spans are already {@code ⟦n⟧}
 * tokens, which the provider carries in whatever markup its service preserves best and hands
 * back as {@code ⟦n⟧}. It never throws for a service problem: each target gets one result per
 * text, in order, a failure repeated for every text it concerns.
 */
public interface TranslationProvider {

    String name();

    /** How many texts and characters one call may carry; the engine splits larger batches. */
    Limits limits();

    Map<String, List<TranslationResult>> translate(List<String> texts, String source, Set<String> targets);

    /** Per-call capacity. */
    record Limits(int maxTexts, int maxChars) {
    }
}
