package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A service that takes one target language per request but several texts (DeepL, Google,
 * LibreTranslate): one call per target, all texts in it.
 */
abstract class PerTargetProvider implements TranslationProvider {

    static final Duration INVALID_ANSWER_RETRY = Duration.ofSeconds(30);

    protected final ProviderHttp http;
    private final Placeholders style;

    PerTargetProvider(ProviderHttp http, Placeholders style) {
        this.http = http;
        this.style = style;
    }

    @Override
    public Map<String, List<TranslationResult>> translate(List<String> texts, String source, Set<String> targets) {
        Map<String, List<TranslationResult>> results = new LinkedHashMap<>();
        List<String> wire = texts.stream().map(style::encode).toList();
        String from = code(source, false);
        for (String target : targets) {
            String to = code(target, true);
            results.put(target, from == null ? unsupported(wire.size(), source)
                    : to == null ? unsupported(wire.size(), target) : translateInto(wire, from, to));
        }
        return results;
    }

    /** The service's code for one of our languages as a source or a target; null when it lacks the language. */
    abstract String code(String language, boolean asTarget);

    /** Texts already in this provider's wire form, between two of the service's codes; one result per text. */
    abstract List<TranslationResult> translateInto(List<String> wire, String from, String to);

    /** Every text shares one outcome. */
    static List<TranslationResult> all(int count, TranslationResult result) {
        return Collections.nCopies(count, result);
    }

    /** A failed exchange as the result of every text: a rejection will not change, the rest may. */
    static List<TranslationResult> failed(ProviderHttp.Outcome outcome, int count) {
        if (outcome instanceof ProviderHttp.Outcome.Rejected rejected) {
            return all(count, new TranslationResult.Permanent("provider rejected the request: " + rejected.message()));
        }
        return all(count, ((ProviderHttp.Outcome.Failed) outcome).failure());
    }

    static List<TranslationResult> unsupported(int count, String language) {
        return all(count, new TranslationResult.Permanent("the provider does not support " + language));
    }

    /**
     * The texts of a 2xx answer, read by {@code field} from each element of {@code items}
     * (or the node itself when it is text), decoded back to templates.
     */
    List<TranslationResult> answers(JsonNode items, String field, int expected) {
        List<JsonNode> nodes = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(nodes::add);
        } else if (!items.isMissingNode() && !items.isNull()) {
            nodes.add(items);
        }
        if (nodes.size() != expected) {
            return all(expected, invalidAnswer(nodes.size() + " texts for " + expected));
        }
        List<TranslationResult> results = new ArrayList<>(expected);
        for (JsonNode node : nodes) {
            JsonNode text = field == null || node.isString() ? node : node.path(field);
            results.add(text.isString()
                    ? new TranslationResult.Translated(style.decode(text.asString()), name(), false)
                    : invalidAnswer("no text"));
        }
        return results;
    }

    /** Parses a 2xx body; a body that is not JSON is a passing fault of the service. */
    static JsonNode json(String body) {
        try {
            return ProviderHttp.JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An answer we cannot read; services (LLMs above all) do better on a second try. */
    static TranslationResult invalidAnswer(String why) {
        return new TranslationResult.Retryable("unexpected answer: " + why, INVALID_ANSWER_RETRY);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? stripSlash(url.substring(0, url.length() - 1)) : url;
    }
}
