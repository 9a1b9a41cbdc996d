package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * LibreTranslate ({@code POST /translate} with q, source, target, format, api_key), tokens as
 * {@code <span translate="no">} in {@code format=html}. A self-hosted server may load only some
 * language models and names Chinese {@code zh} or, in newer releases, {@code zh-Hans}; so the
 * provider reads {@code GET /languages} (again after an hour) and refuses pairs the server lacks
 * without calling it. When that list cannot be read it assumes every pair and lets the server judge.
 */
public final class LibreTranslateProvider extends PerTargetProvider {

    public static final String DEFAULT_URL = "http://localhost:5000";
    private static final Duration LANGUAGES_TTL = Duration.ofHours(1);
    // During an outage the list is not asked for again with every message.
    private static final Duration UNREADABLE_TTL = Duration.ofMinutes(1);

    private final String base;
    private final String apiKey;
    private final Clock clock;
    private volatile Languages languages;

    /** The server's source codes and the targets each offers, as read at {@code readAt}; null targets: unreadable then. */
    private record Languages(Map<String, Set<String>> targets, Instant readAt) {
        boolean fresh(Instant now) {
            return readAt.plus(targets == null ? UNREADABLE_TTL : LANGUAGES_TTL).isAfter(now);
        }
    }

    public LibreTranslateProvider(String url, String apiKey, ProviderHttp http, Clock clock) {
        super(http, Placeholders.HTML);
        this.base = url == null || url.isBlank() ? DEFAULT_URL : stripSlash(url);
        this.apiKey = apiKey == null ? "" : apiKey;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "libretranslate";
    }

    @Override
    public Limits limits() {
        return new Limits(20, 5_000);
    }

    @Override
    String code(String language, boolean asTarget) {
        Map<String, Set<String>> offered = languages();
        String code = !"zh-CN".equals(language) ? language
                : offered != null && offered.containsKey("zh-Hans") ? "zh-Hans" : "zh";
        return offered == null || offered.containsKey(code) ? code : null;
    }

    @Override
    List<TranslationResult> translateInto(List<String> wire, String from, String to) {
        Map<String, Set<String>> offered = languages();
        if (offered != null && !offered.get(from).contains(to)) {
            return unsupported(wire.size(), from + " to " + to);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        // Older servers handle html best as a single string; arrays are for batches.
        body.put("q", wire.size() == 1 ? wire.get(0) : wire);
        body.put("source", from);
        body.put("target", to);
        body.put("format", "html");
        if (!apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        ProviderHttp.Outcome outcome = http.postJson(URI.create(base + "/translate"), Map.of(), body);
        if (!(outcome instanceof ProviderHttp.Outcome.Ok ok)) {
            return failed(outcome, wire.size());
        }
        JsonNode json = json(ok.body());
        return json == null ? all(wire.size(), invalidAnswer("not JSON"))
                : answers(json.path("translatedText"), null, wire.size());
    }

    /** The server's language list, or null while it cannot be read. */
    private Map<String, Set<String>> languages() {
        Languages current = languages;
        if (current != null && current.fresh(clock.instant())) {
            return current.targets();
        }
        ProviderHttp.Outcome outcome = http.get(URI.create(base + "/languages"), Map.of());
        JsonNode json = outcome instanceof ProviderHttp.Outcome.Ok ok ? json(ok.body()) : null;
        if (json == null || !json.isArray()) {
            // Keep what an earlier read said; with nothing read yet, let the server judge each request.
            languages = new Languages(current == null ? null : current.targets(), clock.instant());
            return languages.targets();
        }
        Map<String, Set<String>> targets = new HashMap<>();
        Set<String> all = new HashSet<>();
        json.forEach(language -> all.add(language.path("code").asString()));
        json.forEach(language -> {
            Set<String> to = new HashSet<>();
            language.path("targets").forEach(t -> to.add(t.asString()));
            targets.put(language.path("code").asString(), language.has("targets") ? to : all);
        });
        languages = new Languages(Map.copyOf(targets), clock.instant());
        return languages.targets();
    }
}
