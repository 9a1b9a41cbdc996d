package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Any OpenAI-compatible chat-completions server ({@code /v1/chat/completions}: OpenAI, Ollama,
 * llama.cpp, vLLM, LM Studio). One request serves every target: the model is asked for a strict
 * JSON object mapping each target code to one translation per text, and must copy the
 * {@code ⟦n⟧} tokens. A target missing from the answer, or an answer that is not that JSON, is a
 * retryable failure of that target (models do better on a second try); the engine checks the tokens.
 */
public final class OpenAiProvider implements TranslationProvider {

    public static final String DEFAULT_URL = "https://api.openai.com";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    private static final Map<String, String> NAMES = Map.of("en", "English", "zh-CN", "Simplified Chinese",
            "ja", "Japanese", "th", "Thai", "id", "Indonesian");
    private static final Pattern THINKING = Pattern.compile("(?s)^\\s*<think>.*?</think>");
    private static final Pattern FENCE = Pattern.compile("(?s)^\\s*```(?:json)?\\s*(.*?)\\s*```\\s*$");
    private static final String INSTRUCTIONS = """
            You translate chat messages. Translate every string in "texts" from the "source" language into \
            each language in "targets". Tokens such as ⟦1⟧ stand for code, links, mentions or emoji: copy every \
            token exactly once, unchanged, where it belongs in the translation. Keep the meaning, tone and \
            formatting; add no notes. Reply with one JSON object only, mapping each target code to an array \
            holding one translation per input text, in order, for example {"ja": ["..."], "th": ["..."]}.""";

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final ProviderHttp http;

    public OpenAiProvider(String url, String apiKey, String model, ProviderHttp http) {
        String base = url == null || url.isBlank() ? DEFAULT_URL : PerTargetProvider.stripSlash(url);
        // Accept a base given with its /v1, as many OpenAI-compatible servers document it.
        this.endpoint = URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/chat/completions");
        this.apiKey = apiKey == null ? "" : apiKey;
        this.model = model == null || model.isBlank() ? DEFAULT_MODEL : model;
        this.http = http;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public Limits limits() {
        // Small batches keep a local model's answer inside its context and output limits.
        return new Limits(20, 4_000);
    }

    @Override
    public Map<String, List<TranslationResult>> translate(List<String> texts, String source, Set<String> targets) {
        Map<String, List<TranslationResult>> results = new LinkedHashMap<>();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String target : targets) {
            if (NAMES.containsKey(target) && NAMES.containsKey(source)) {
                wanted.put(target, NAMES.get(target));
            } else {
                results.put(target, PerTargetProvider.unsupported(texts.size(), NAMES.containsKey(source) ? target : source));
            }
        }
        if (wanted.isEmpty()) {
            return results;
        }
        ProviderHttp.Outcome outcome = http.postJson(endpoint, apiKey.isBlank() ? Map.of()
                : Map.of("Authorization", "Bearer " + apiKey), request(texts, source, wanted));
        JsonNode answer = outcome instanceof ProviderHttp.Outcome.Ok ok ? answer(ok.body()) : null;
        for (String target : wanted.keySet()) {
            if (!(outcome instanceof ProviderHttp.Outcome.Ok)) {
                results.put(target, PerTargetProvider.failed(outcome, texts.size()));
            } else if (answer == null) {
                results.put(target, PerTargetProvider.all(texts.size(),
                        PerTargetProvider.invalidAnswer("the reply is not the JSON object asked for")));
            } else {
                results.put(target, translations(answer.get(target), texts.size()));
            }
        }
        return results;
    }

    private Map<String, Object> request(List<String> texts, String source, Map<String, String> targets) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("source", source + " (" + NAMES.get(source) + ")");
        input.put("targets", targets);
        input.put("texts", texts);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("response_format", Map.of("type", "json_object"));
        body.put("messages", List.of(
                Map.of("role", "system", "content", INSTRUCTIONS),
                Map.of("role", "user", "content", ProviderHttp.JSON.writeValueAsString(input))));
        return body;
    }

    /** The JSON object in the model's reply, past any reasoning block or code fence local models add. */
    private static JsonNode answer(String body) {
        JsonNode json = PerTargetProvider.json(body);
        JsonNode content = json == null ? null : json.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isString()) {
            return null;
        }
        String text = THINKING.matcher(content.asString()).replaceFirst("");
        var fenced = FENCE.matcher(text);
        JsonNode parsed = PerTargetProvider.json(fenced.matches() ? fenced.group(1) : text);
        return parsed != null && parsed.isObject() ? parsed : null;
    }

    private List<TranslationResult> translations(JsonNode list, int expected) {
        if (list == null || !list.isArray() || list.size() != expected) {
            return PerTargetProvider.all(expected, PerTargetProvider.invalidAnswer(
                    list == null ? "the model left this language out" : "wrong number of translations"));
        }
        List<TranslationResult> results = new ArrayList<>(expected);
        list.forEach(item -> results.add(item.isString()
                ? new TranslationResult.Translated(item.asString(), name(), false)
                : PerTargetProvider.invalidAnswer("a translation is not text")));
        return results;
    }
}
