package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * DeepL API v2 {@code /v2/translate}: all texts of a target in one request, tokens as
 * {@code <x id="n"/>} with {@code tag_handling=xml} and {@code ignore_tags=x}. Keys ending in
 * {@code :fx} belong to the free plan and its own host. Chinese is {@code ZH} as a source and
 * {@code ZH-HANS} as a target; English targets are {@code EN-US} (plain {@code EN} is deprecated).
 * Thai is served by DeepL's next-gen models only: an account without them gets a 400, which is a
 * permanent failure of that target alone.
 */
public final class DeepLProvider extends PerTargetProvider {

    private static final Map<String, String> SOURCE = Map.of("en", "EN", "zh-CN", "ZH", "ja", "JA", "th", "TH", "id", "ID");
    private static final Map<String, String> TARGET = Map.of("en", "EN-US", "zh-CN", "ZH-HANS", "ja", "JA", "th", "TH", "id", "ID");

    private final URI endpoint;
    private final String apiKey;

    public DeepLProvider(String url, String apiKey, ProviderHttp http) {
        super(http, Placeholders.XML);
        String base = url == null || url.isBlank() ? defaultUrl(apiKey) : stripSlash(url);
        this.endpoint = URI.create(base + "/v2/translate");
        this.apiKey = apiKey == null ? "" : apiKey;
    }

    public static String defaultUrl(String apiKey) {
        return apiKey != null && apiKey.strip().endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com";
    }

    @Override
    public String name() {
        return "deepl";
    }

    @Override
    public Limits limits() {
        // 50 texts per request; the request body may be 128 KiB.
        return new Limits(50, 30_000);
    }

    @Override
    String code(String language, boolean asTarget) {
        return (asTarget ? TARGET : SOURCE).get(language);
    }

    @Override
    List<TranslationResult> translateInto(List<String> wire, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", wire);
        body.put("source_lang", from);
        body.put("target_lang", to);
        body.put("tag_handling", "xml");
        body.put("ignore_tags", List.of("x"));
        ProviderHttp.Outcome outcome = http.postJson(endpoint, Map.of("Authorization", "DeepL-Auth-Key " + apiKey), body);
        if (!(outcome instanceof ProviderHttp.Outcome.Ok ok)) {
            return failed(outcome, wire.size());
        }
        JsonNode json = json(ok.body());
        return json == null ? all(wire.size(), invalidAnswer("not JSON")) : answers(json.path("translations"), "text", wire.size());
    }
}
