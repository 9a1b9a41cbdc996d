package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LibreTranslate against a stub of its HTTP API, including its language list. */
class LibreTranslateProviderTest {

    @RegisterExtension
    static WireMockExtension libre = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static void languages(String chinese, String... codes) {
        List<String> all = new java.util.ArrayList<>(List.of(codes));
        all.add(chinese);
        libre.stubFor(get("/languages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(Http.JSON.writeValueAsString(all.stream()
                        .map(c -> Map.of("code", c, "name", c, "targets", all)).toList()))));
    }

    private static void answer(String target, Object translated) {
        libre.stubFor(post("/translate").withRequestBody(matchingJsonPath("$.target", equalTo(target)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Http.JSON.writeValueAsString(Map.of("translatedText", translated)))));
    }

    @Test
    void sendsQSourceTargetHtmlFormatAndTheKeyAndRestoresSpans() {
        languages("zh-Hans", "en", "ja", "th", "id");
        answer("th", "ส่ง <span translate=\"no\">⟦1⟧</span> ให้ <span translate=\"no\">⟦2⟧</span> ด้วย");
        TestEngines.Fixture f = TestEngines.engine("libretranslate", libre.baseUrl(), "lt-key", null);
        assertThat(f.engine().translate("Send ```\nSELECT 1;\n``` to <@9>", "en", Set.of("th")).get("th"))
                .isEqualTo(new Translated("ส่ง ```\nSELECT 1;\n``` ให้ <@9> ด้วย", "libretranslate", false));
        libre.verify(postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson("""
                {"q": "Send <span translate=\\"no\\">⟦1⟧</span> to <span translate=\\"no\\">⟦2⟧</span>",
                 "source": "en", "target": "th", "format": "html", "api_key": "lt-key"}""")));
    }

    @Test
    void chineseIsZhHansOnNewServersAndZhOnOlderOnes() {
        languages("zh-Hans", "en", "ja");
        answer("zh-Hans", "你好，大家");
        assertThat(TestEngines.engine("libretranslate", libre.baseUrl(), "", null).engine()
                .translate("Hello everyone", "en", Set.of("zh-CN")).get("zh-CN")).isInstanceOf(Translated.class);

        libre.resetAll();
        languages("zh", "en", "ja");
        answer("zh", "你好，大家");
        assertThat(TestEngines.engine("libretranslate", libre.baseUrl(), "", null).engine()
                .translate("Hello everyone", "en", Set.of("zh-CN")).get("zh-CN")).isInstanceOf(Translated.class);
        // No key configured: none sent.
        libre.verify(postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson("""
                {"q": "Hello everyone", "source": "en", "target": "zh", "format": "html"}""")));
    }

    @Test
    void aLanguageTheServerDidNotLoadIsPermanentWithoutACall() {
        languages("zh", "en", "ja");
        answer("ja", "こんにちは、みなさん");
        TestEngines.Fixture f = TestEngines.engine("libretranslate", libre.baseUrl(), "", null);
        Map<String, TranslationResult> results = f.engine().translate("Hello everyone", "en", Set.of("ja", "th"));
        assertThat(results.get("ja")).isInstanceOf(Translated.class);
        assertThat(((Permanent) results.get("th")).reason()).contains("does not support");
        libre.verify(1, postRequestedFor(urlEqualTo("/translate")));
        // The language list is read once, not per message.
        f.engine().translate("Hello again everyone", "en", Set.of("ja"));
        libre.verify(1, getRequestedFor(urlEqualTo("/languages")));
        f.clock().advance(Duration.ofMinutes(61));
        f.engine().translate("Hello once more everyone", "en", Set.of("ja"));
        libre.verify(2, getRequestedFor(urlEqualTo("/languages")));
    }

    @Test
    void severalLinesTravelAsAnArrayAndEachComesBackInPlace() {
        languages("zh", "en", "id");
        answer("id", List.of("Halo semua", "Rapat jam <span translate=\"no\">⟦1⟧</span>"));
        assertThat(TestEngines.engine("libretranslate", libre.baseUrl(), "", null).engine()
                .translate("Hello all\nMeeting at `10:00`", "en", Set.of("id")).get("id"))
                .isEqualTo(new Translated("Halo semua\nRapat jam `10:00`", "libretranslate", false));
    }

    @Test
    void aMissingPlaceholderFallsBackAndErrorsAreClassified() {
        languages("zh", "en", "ja");
        answer("ja", "確認してください");
        TranslationEngine engine = TestEngines.engine("libretranslate", libre.baseUrl(), "", null).engine();
        assertThat(engine.translate("Please check <@12>", "en", Set.of("ja")).get("ja")).isInstanceOf(Permanent.class);

        libre.stubFor(post("/translate").willReturn(aResponse().withStatus(400).withBody("{\"error\": \"ja is not supported\"}")));
        assertThat(((Permanent) engine.translate("Please check this", "en", Set.of("ja")).get("ja")).reason())
                .contains("ja is not supported");
        libre.stubFor(post("/translate").willReturn(aResponse().withStatus(403).withBody("{\"error\": \"Invalid API key\"}")));
        assertThat(((Retryable) engine.translate("Please check this", "en", Set.of("ja")).get("ja")).reason())
                .contains("Invalid API key");
    }

    @Test
    void anUnreadableLanguageListLetsTheServerJudgeAndIsAskedForAgainAMinuteLater() {
        libre.stubFor(get("/languages").willReturn(aResponse().withStatus(404)));
        answer("ja", "こんにちは");
        TestEngines.Fixture f = TestEngines.engine("libretranslate", libre.baseUrl(), "", null);
        assertThat(f.engine().translate("Hello there all", "en", Set.of("ja")).get("ja")).isInstanceOf(Translated.class);
        f.engine().translate("Hello again all", "en", Set.of("ja"));
        libre.verify(1, getRequestedFor(urlEqualTo("/languages")));
        f.clock().advance(Duration.ofSeconds(61));
        f.engine().translate("Hello once more all", "en", Set.of("ja"));
        libre.verify(2, getRequestedFor(urlEqualTo("/languages")));
    }
}
