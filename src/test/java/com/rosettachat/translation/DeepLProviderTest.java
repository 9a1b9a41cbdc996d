package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rosettachat.support.Http;
import com.rosettachat.translation.TranslationResult.Permanent;
import com.rosettachat.translation.TranslationResult.Retryable;
import com.rosettachat.translation.TranslationResult.Translated;
import com.rosettachat.translation.internal.provider.DeepLProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeepL API v2 against a stub of its HTTP API: request shape, key, codes, XML placeholders, batching, errors. */
class DeepLProviderTest {

    @RegisterExtension
    static WireMockExtension deepl = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String KEY = "0a1b2c3d-test:fx";

    private TranslationEngine engine() {
        return TestEngines.engine("deepl", deepl.baseUrl(), KEY, null).engine();
    }

    private static void answer(String targetLang, String... texts) {
        deepl.stubFor(post("/v2/translate").withRequestBody(matchingJsonPath("$.target_lang", equalTo(targetLang)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Http.JSON.writeValueAsString(
                        Map.of("translations", List.of(texts).stream()
                                .map(t -> Map.of("detected_source_language", "EN", "text", t)).toList())))));
    }

    @Test
    void sendsTheKeyXmlTagsAndDeepLCodesAndRestoresEverySpan() {
        String text = "Please review https://example.com/a?b=1&c=2 with <@42> 👍🏽";
        answer("ZH-HANS", "请和 <x id=\"2\"/> 一起审查 <x id=\"1\"/> <x id=\"3\"/>");
        answer("JA", "<x id=\"2\"/> と <x id=\"1\"/> を確認してください <x id=\"3\"/>");

        Map<String, TranslationResult> results = engine().translate(text, "en", Set.of("zh-CN", "ja"));

        assertThat(results.get("zh-CN")).isEqualTo(new Translated("请和 <@42> 一起审查 https://example.com/a?b=1&c=2 👍🏽", "deepl", false));
        assertThat(results.get("ja")).isEqualTo(new Translated("<@42> と https://example.com/a?b=1&c=2 を確認してください 👍🏽", "deepl", false));
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate"))
                .withHeader("Authorization", equalTo("DeepL-Auth-Key " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": ["Please review <x id=\\"1\\"/> with <x id=\\"2\\"/> <x id=\\"3\\"/>"], "source_lang": "EN",
                         "target_lang": "${json-unit.any-string}", "tag_handling": "xml", "ignore_tags": ["x"]}""")));
    }

    @Test
    void englishIsEnUsAsATargetAndChineseIsZhAsASource() {
        answer("EN-US", "We meet tomorrow");
        assertThat(engine().translate("我们明天开会", "zh-CN", Set.of("en")).get("en"))
                .isEqualTo(new Translated("We meet tomorrow", "deepl", false));
        deepl.verify(postRequestedFor(urlEqualTo("/v2/translate")).withRequestBody(matchingJsonPath("$.source_lang", equalTo("ZH"))));
    }

    @Test
    void allTextsOfATargetTravelInOneRequestEachDistinctLineOnce() {
        answer("JA", "おはようございます", "一行目");
        List<Map<String, TranslationResult>> results = engine().translateAll(
                List.of("Good morning team", "Line one\nGood morning team"), "en", Set.of("ja"));
        assertThat(results.get(0).get("ja")).isEqualTo(new Translated("おはようございます", "deepl", false));
        assertThat(results.get(1).get("ja")).isEqualTo(new Translated("一行目\nおはようございます", "deepl", false));
        deepl.verify(1, postRequestedFor(urlEqualTo("/v2/translate"))
                .withRequestBody(matchingJsonPath("$.text", equalToJson("[\"Good morning team\", \"Line one\"]"))));
    }

    @Test
    void markupCharactersInTheMessageAreEscapedAndComeBackAsTyped() {
        answer("JA", "a &lt; b &amp;&amp; c &gt; d です");
        assertThat(engine().translate("if a < b && c > d then", "en", Set.of("ja")).get("ja"))
                .isEqualTo(new Translated("a < b && c > d です", "deepl", false));
        deepl.verify(postRequestedFor(urlEqualTo("/v2/translate"))
                .withRequestBody(matchingJsonPath("$.text[0]", equalTo("if a &lt; b &amp;&amp; c &gt; d then"))));
    }

    @Test
    void aTranslationThatLostAPlaceholderFallsBackToTheOriginalAndIsNotRemembered() {
        answer("JA", "<x id=\"1\"/> を確認してください");
        TranslationEngine engine = engine();
        assertThat(engine.translate("Please check https://x.io with <@42>", "en", Set.of("ja")).get("ja"))
                .isInstanceOf(Permanent.class);
        engine.translate("Please check https://x.io with <@42>", "en", Set.of("ja"));
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void aTargetTheAccountLacksIsAPermanentFailureOfThatTargetAlone() {
        answer("JA", "こんにちは");
        deepl.stubFor(post("/v2/translate").withRequestBody(matchingJsonPath("$.target_lang", equalTo("TH")))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\": \"Value for 'target_lang' not supported.\"}")));
        Map<String, TranslationResult> results = engine().translate("Hello there everyone", "en", Set.of("ja", "th"));
        assertThat(results.get("ja")).isEqualTo(new Translated("こんにちは", "deepl", false));
        assertThat(results.get("th")).isInstanceOf(Permanent.class);
        assertThat(((Permanent) results.get("th")).reason()).contains("400").contains("target_lang");
    }

    @Test
    void refusedKeysAndExhaustedQuotaAreRetryableWithoutHammering() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(403).withBody("{\"message\": \"Forbidden\"}")));
        Retryable refused = (Retryable) engine().translate("Hello there everyone", "en", Set.of("ja")).get("ja");
        assertThat(refused.reason()).contains("credentials").contains("403");
        deepl.verify(1, postRequestedFor(urlEqualTo("/v2/translate")));

        deepl.resetAll();
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(456).withBody("{\"message\": \"Quota exceeded\"}")));
        Retryable quota = (Retryable) engine().translate("Hello there everyone", "en", Set.of("ja")).get("ja");
        assertThat(quota.reason()).contains("quota").contains("456");
        assertThat(quota.retryAfter()).isEqualTo(Duration.ofHours(1));
        deepl.verify(1, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void freeKeysUseTheFreeHost() {
        assertThat(DeepLProvider.defaultUrl("abc-123:fx")).isEqualTo("https://api-free.deepl.com");
        assertThat(DeepLProvider.defaultUrl("abc-123")).isEqualTo("https://api.deepl.com");
    }
}
