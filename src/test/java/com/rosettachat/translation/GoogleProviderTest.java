package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rosettachat.support.Http;
import com.rosettachat.translation.TranslationResult.Permanent;
import com.rosettachat.translation.TranslationResult.Retryable;
import com.rosettachat.translation.TranslationResult.Translated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Google Cloud Translation v2 against a stub of its HTTP API. */
class GoogleProviderTest {

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/language/translate/v2";

    private TranslationEngine engine() {
        return TestEngines.engine("google", google.baseUrl(), "AIza-test key", null).engine();
    }

    private static void answer(String target, String... texts) {
        google.stubFor(post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.target", equalTo(target)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Http.JSON.writeValueAsString(
                        Map.of("data", Map.of("translations", List.of(texts).stream()
                                .map(t -> Map.of("translatedText", t)).toList()))))));
    }

    @Test
    void sendsTheKeyAsParameterHtmlFormatAndGoogleCodes() {
        String text = "Ping <@42> about `build.gradle` at https://x.io/b?id=7 or ops@example.com 🙏🏻";
        answer("zh-CN", "关于 <span translate=\"no\">⟦2⟧</span> 请联系 <span translate=\"no\">⟦1⟧</span>："
                + "<span translate=\"no\">⟦3⟧</span> 或 <span translate=\"no\">⟦4⟧</span> <span translate=\"no\">⟦5⟧</span>");
        assertThat(engine().translate(text, "en", Set.of("zh-CN")).get("zh-CN")).isEqualTo(new Translated(
                "关于 `build.gradle` 请联系 <@42>：https://x.io/b?id=7 或 ops@example.com 🙏🏻", "google", false));
        google.verify(postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("key", equalTo("AIza-test key"))
                .withRequestBody(equalToJson("""
                        {"q": ["Ping <span translate=\\"no\\">⟦1⟧</span> about <span translate=\\"no\\">⟦2⟧</span> at \
                        <span translate=\\"no\\">⟦3⟧</span> or <span translate=\\"no\\">⟦4⟧</span> <span translate=\\"no\\">⟦5⟧</span>"],
                         "source": "en", "target": "zh-CN", "format": "html"}""")));
    }

    @Test
    void severalTextsAreSeveralQInOneRequestAndHtmlEntitiesAreDecoded() {
        answer("id", "Jangan lupa &quot;rapat&quot; &amp; makan siang", "Sampai jumpa");
        List<Map<String, TranslationResult>> results = engine().translateAll(
                List.of("Don't forget the \"meeting\" & lunch", "See you"), "en", Set.of("id"));
        assertThat(results.get(0).get("id")).isEqualTo(new Translated("Jangan lupa \"rapat\" & makan siang", "google", false));
        assertThat(results.get(1).get("id")).isEqualTo(new Translated("Sampai jumpa", "google", false));
        google.verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.q.length()", equalTo("2"))));
    }

    @Test
    void aDroppedPlaceholderSpanFallsBackToTheOriginal() {
        answer("ja", "<span translate=\"no\">⟦1⟧</span> を見て");
        assertThat(engine().translate("Look at https://x.io and 🎉", "en", Set.of("ja")).get("ja")).isInstanceOf(Permanent.class);
    }

    @Test
    void invalidValuesArePermanentButABadKeyIsRetryable() {
        google.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\": {\"code\": 400, \"message\": \"Invalid Value\", \"errors\": [{\"reason\": \"invalid\"}]}}")));
        assertThat(((Permanent) engine().translate("Hello there friends", "en", Set.of("th")).get("th")).reason())
                .contains("Invalid Value");

        google.resetAll();
        google.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\": {\"code\": 400, \"message\": \"API key not valid. Please pass a valid API key.\"}}")));
        assertThat(((Retryable) engine().translate("Hello there friends", "en", Set.of("th")).get("th")).reason())
                .contains("credentials");

        google.resetAll();
        google.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\": {\"code\": 403, \"message\": \"Daily Limit Exceeded\"}}")));
        assertThat(((Retryable) engine().translate("Hello there friends", "en", Set.of("th")).get("th")).reason())
                .contains("Daily Limit Exceeded");
        google.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }
}
