package com.rosettachat.translation.internal;

import com.rosettachat.shared.Language;
import com.rosettachat.translation.TranslationEngine;
import com.rosettachat.translation.TranslationResult;
import com.rosettachat.translation.TranslationStats;
import com.rosettachat.translation.internal.provider.TranslationProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The translation pipeline: mask protected spans and normalise, answer what needs no provider
 * (same language, nothing but spans), consult the memory, send the rest to the provider in as
 * few calls as its limits allow (distinct lines of all texts, every missing target at once),
 * check that each protected span came back exactly once, restore the spans and remember the result.
 */
public class DefaultTranslationEngine implements TranslationEngine {

    private static final Logger log = LoggerFactory.getLogger(DefaultTranslationEngine.class);
    private static final String NO_PROVIDER = "none";

    private final TranslationProvider provider;
    private final TranslationMemory memory;
    private final TranslationMetrics metrics;
    private final CircuitBreaker breaker;
    private final LongSupplier queueDepth;
    private final Clock clock;

    /** {@code provider} and {@code breaker} are null when translation is off. */
    public DefaultTranslationEngine(TranslationProvider provider, TranslationMemory memory, TranslationMetrics metrics,
                                    CircuitBreaker breaker, LongSupplier queueDepth, Clock clock) {
        this.provider = provider;
        this.memory = memory;
        this.metrics = metrics;
        this.breaker = breaker;
        this.queueDepth = queueDepth;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return provider != null;
    }

    @Override
    public String provider() {
        return provider == null ? NO_PROVIDER : provider.name();
    }

    @Override
    public Map<String, TranslationResult> translate(String text, String source, Set<String> targets) {
        return translateAll(Collections.singletonList(text), source, targets).get(0);
    }

    @Override
    public List<Map<String, TranslationResult>> translateAll(List<String> texts, String source, Set<String> targets) {
        List<Map<String, TranslationResult>> results = new ArrayList<>(texts.size());
        List<PreparedText> prepared = new ArrayList<>(texts.size());
        Map<Set<String>, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i);
            PreparedText p = PreparedText.of(text);
            Map<String, TranslationResult> result = new LinkedHashMap<>();
            Set<String> wanted = new LinkedHashSet<>();
            for (String target : targets) {
                TranslationResult settled = withoutProvider(text, p, source, target);
                if (settled != null) {
                    result.put(target, settled);
                } else {
                    wanted.add(target);
                }
            }
            fromMemory(p, source, wanted, result);
            if (!wanted.isEmpty()) {
                missing.computeIfAbsent(Set.copyOf(wanted), k -> new ArrayList<>()).add(i);
            }
            results.add(result);
            prepared.add(p);
        }
        missing.forEach((wanted, indices) -> translateMissing(prepared, indices, source, wanted, results));
        return results;
    }

    /** The result when no provider is needed or none can help; null when the provider must be asked. */
    private TranslationResult withoutProvider(String text, PreparedText p, String source, String target) {
        if (target.equals(source)) {
            return new TranslationResult.Translated(text, NO_PROVIDER, false);
        }
        if (Language.fromCode(target).isEmpty()) {
            return new TranslationResult.Permanent("unsupported language " + target);
        }
        if (Language.fromCode(source).isEmpty()) {
            return new TranslationResult.Permanent("unsupported language " + source);
        }
        if (p.nothingToTranslate()) {
            return new TranslationResult.Translated(text, NO_PROVIDER, false);
        }
        if (provider == null) {
            return new TranslationResult.Permanent("no translation provider is configured");
        }
        return null;
    }

    /** Moves the targets the memory knows from {@code wanted} into {@code result}. */
    private void fromMemory(PreparedText p, String source, Set<String> wanted, Map<String, TranslationResult> result) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, TranslationMemory.Entry> found;
        try {
            found = memory.find(source, p.hash(), wanted);
        } catch (DataAccessException e) {
            log.warn("translation memory unavailable, asking the provider: {}", e.getMessage());
            found = Map.of();
        }
        int hits = 0;
        for (Map.Entry<String, TranslationMemory.Entry> entry : found.entrySet()) {
            var restored = p.masked().restore(entry.getValue().text());
            if (restored.isPresent()) {
                result.put(entry.getKey(), new TranslationResult.Translated(restored.get(), entry.getValue().provider(), true));
                wanted.remove(entry.getKey());
                hits++;
            }
        }
        metrics.memory(hits, wanted.size());
    }

    private void translateMissing(List<PreparedText> prepared, List<Integer> indices, String source, Set<String> targets,
                           List<Map<String, TranslationResult>> results) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i : indices) {
            for (String segment : prepared.get(i).segments()) {
                if (PreparedText.translatable(segment)) {
                    lines.putIfAbsent(segment, lines.size());
                }
            }
        }
        Map<String, TranslationResult[]> translatedLines = callProvider(new ArrayList<>(lines.keySet()), source, targets);
        for (int i : indices) {
            PreparedText p = prepared.get(i);
            for (String target : targets) {
                results.get(i).put(target, assemble(p, source, target, lines, translatedLines.get(target)));
            }
        }
    }

    /** Every line into every target, split into calls the provider's limits allow. */
    private Map<String, TranslationResult[]> callProvider(List<String> lines, String source, Set<String> targets) {
        Map<String, TranslationResult[]> out = new HashMap<>();
        targets.forEach(t -> out.put(t, new TranslationResult[lines.size()]));
        var limits = provider.limits();
        int from = 0;
        while (from < lines.size()) {
            int to = from;
            int chars = 0;
            while (to < lines.size() && (to == from || (to - from < limits.maxTexts()
                    && chars + lines.get(to).length() <= limits.maxChars()))) {
                chars += lines.get(to++).length();
            }
            List<String> chunk = lines.subList(from, to);
            Map<String, List<TranslationResult>> answer = ask(chunk, source, targets);
            for (String target : targets) {
                List<TranslationResult> perLine = answer.get(target);
                for (int k = 0; k < chunk.size(); k++) {
                    out.get(target)[from + k] = perLine != null && perLine.size() == chunk.size() ? perLine.get(k)
                            : new TranslationResult.Retryable("the provider gave no answer for " + target, Duration.ofSeconds(30));
                }
            }
            from = to;
        }
        return out;
    }

    private Map<String, List<TranslationResult>> ask(List<String> chunk, String source, Set<String> targets) {
        try {
            return provider.translate(chunk, source, targets);
        } catch (RuntimeException e) {
            // A provider bug must not lose the message: the caller retries it later.
            log.warn("translation provider {} failed unexpectedly", provider.name(), e);
            return Map.of();
        }
    }

    private TranslationResult assemble(PreparedText p, String source, String target, Map<String, Integer> lines,
                                       TranslationResult[] translated) {
        StringBuilder template = new StringBuilder();
        TranslationResult failure = null;
        for (String segment : p.segments()) {
            if (!template.isEmpty()) {
                template.append('\n');
            }
            if (!PreparedText.translatable(segment)) {
                template.append(segment);
                continue;
            }
            TranslationResult line = translated[lines.get(segment)];
            if (line instanceof TranslationResult.Translated t) {
                template.append(t.text());
            } else if (failure == null || line instanceof TranslationResult.Permanent) {
                failure = line;
            }
        }
        if (failure != null) {
            return failure;
        }
        String translatedTemplate = template.toString();
        var restored = p.masked().restore(translatedTemplate);
        if (restored.isEmpty()) {
            return new TranslationResult.Permanent("the translation lost or altered a protected span (code, link, mention, emoji or email)");
        }
        try {
            memory.save(source, target, p.hash(), new TranslationMemory.Entry(translatedTemplate, provider.name()), clock.instant());
        } catch (DataAccessException e) {
            log.warn("could not remember a translation: {}", e.getMessage());
        }
        return new TranslationResult.Translated(restored.get(), provider.name(), false);
    }

    @Override
    public TranslationStats stats() {
        return new TranslationStats(provider(), metrics.providerCalls(), metrics.providerFailures(), metrics.memoryHits(),
                metrics.memoryMisses(), metrics.memoryHitRate(), TranslationMetrics.circuitState(breaker),
                queueDepth.getAsLong());
    }
}
