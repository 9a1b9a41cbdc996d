package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Google Cloud Translation v2 ({@code /language/translate/v2?key=...}): several {@code q} per
 * request, {@code format=html} so tokens travel as {@code <span translate="no">}. Our codes are
 * Google's ({@code zh-CN} included). Google answers a bad key with 400 ("API key not valid"),
 * which is a configuration problem to retry after, not a rejected text.
 */
public final class GoogleProvider extends PerTargetProvider {

    public static final String DEFAULT_URL = "https://translation.googleapis.com";
    private static final Set<String> CODES = Set.of("en", "zh-CN", "ja", "th", "id");

    private final URI endpoint;

    public GoogleProvider(String url, String apiKey, ProviderHttp http) {
        super(http, Placeholders.HTML);
        String base = url == null || url.isBlank() ? DEFAULT_URL : stripSlash(url);
        this.endpoint = URI.create(base + "/language/translate/v2?key="
                + URLEncoder.encode(apiKey == null ? "" : apiKey, StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    public Limits limits() {
        // 128 q per request; Google recommends at most 5,000 characters.
        return new Limits(100, 5_000);
    }

    @Override
    String code(String language, boolean asTarget) {
        return CODES.contains(language) ? language : null;
    }

    @Override
    List<TranslationResult> translateInto(List<String> wire, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", wire);
        body.put("source", from);
        body.put("target", to);
        body.put("format", "html");
        ProviderHttp.Outcome outcome = http.postJson(endpoint, Map.of(), body);
        if (outcome instanceof ProviderHttp.Outcome.Rejected rejected && rejected.message().contains("API key")) {
            return all(wire.size(), ProviderHttp.credentialsRefused(rejected.message()));
        }
        if (!(outcome instanceof ProviderHttp.Outcome.Ok ok)) {
            return failed(outcome, wire.size());
        }
        JsonNode json = json(ok.body());
        return json == null ? all(wire.size(), invalidAnswer("not JSON"))
                : answers(json.path("data").path("translations"), "translatedText", wire.size());
    }
}
