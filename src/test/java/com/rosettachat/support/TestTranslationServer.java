package com.rosettachat.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * One LibreTranslate-compatible server (WireMock) per test JVM, the translation provider of the
 * test suite's application context. It "translates" by prefixing the target code, keeping the
 * markup it was sent ({@code Hello <span translate="no">⟦1⟧</span>} into ja is
 * {@code [ja] Hello <span translate="no">⟦1⟧</span>}), so tests can tell a translation from the
 * original and protected spans survive as they would with the real service.
 */
public final class TestTranslationServer {

    private static WireMockServer server;

    private TestTranslationServer() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.translation.provider", () -> "libretranslate");
        registry.add("rosetta.translation.url", TestTranslationServer::url);
    }

    /** The translation requests whose body holds {@code text} (as sent: JSON-escaped). */
    public static java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requestsContaining(String text) {
        url();
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/translate"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(text)));
    }

    /** From now on, requests holding {@code text} fail with 500, until {@link #recover}. */
    public static void failFor(String text) {
        url();
        server.stubFor(post("/translate").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(text))
                .withName("fail-" + text)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));
    }

    /** From now on, requests holding {@code text} are answered as usual but only after {@code millis}, until {@link #recover}. */
    public static void delayFor(String text, int millis) {
        url();
        server.stubFor(post("/translate").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(text))
                .withName("fail-" + text)
                .willReturn(aResponse().withTransformers(Echo.NAME).withFixedDelay(millis)));
    }

    public static void recover(String text) {
        server.getStubMappings().stream().filter(m -> ("fail-" + text).equals(m.getName())).toList()
                .forEach(server::removeStubMapping);
    }

    /**
     * From now on, {@code text} into {@code target} comes back as {@code translation}, as a real
     * provider's words would (rather than the echo's prefixed original).
     */
    public static void answer(String text, String target, String translation) {
        url();
        server.stubFor(post("/translate").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(text))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.target",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(target)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Http.JSON.writeValueAsString(Map.of("translatedText", translation)))));
    }

    /** What this server answers for {@code text} into {@code target}. */
    public static String translated(String target, String text) {
        return "[" + target + "] " + text;
    }

    public static synchronized String url() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().maxRequestJournalEntries(1000).extensions(echo()));
            server.start();
            stubLibreTranslate(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server.baseUrl();
    }

    /** The WireMock extension that answers {@code /translate}; a server given {@link #stubLibreTranslate} needs it. */
    public static ResponseDefinitionTransformerV2 echo() {
        return new Echo();
    }

    /** A LibreTranslate offering every supported language (Chinese as {@code zh-Hans}) and echoing translations. */
    public static void stubLibreTranslate(Stubbing server) {
        List<String> codes = List.of("en", "zh-Hans", "ja", "th", "id");
        server.stubFor(get("/languages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(Http.JSON.writeValueAsString(codes.stream()
                        .map(code -> Map.of("code", code, "name", code, "targets", codes)).toList()))));
        server.stubFor(post("/translate").willReturn(aResponse().withTransformers(Echo.NAME)));
    }

    /** Answers a LibreTranslate request with each {@code q} prefixed by {@code [target]}. */
    private static final class Echo implements ResponseDefinitionTransformerV2 {
        static final String NAME = "libretranslate-echo";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = Http.JSON.readTree(serveEvent.getRequest().getBodyAsString());
            String target = request.path("target").asString();
            JsonNode q = request.path("q");
            Object translated;
            if (q.isArray()) {
                List<String> texts = new ArrayList<>();
                q.forEach(text -> texts.add(translated(target, text.asString())));
                translated = texts;
            } else {
                translated = translated(target, q.asString());
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Http.JSON.writeValueAsString(Map.of("translatedText", translated))).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
