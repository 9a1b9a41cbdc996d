package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.translation.TranslationResult.Permanent;
import com.rosettachat.translation.TranslationResult.Translated;
import com.rosettachat.translation.internal.TranslationProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the engine settles without a provider, and how it splits large batches. */
class EngineRulesTest {

    @RegisterExtension
    static WireMockExtension libre = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TestTranslationServer.echo())).build();

    @BeforeEach
    void stub() {
        TestTranslationServer.stubLibreTranslate(libre);
    }

    private TranslationEngine engine() {
        return TestEngines.engine("libretranslate", libre.baseUrl(), "", null).engine();
    }

    @Test
    void aTextOfOnlyProtectedSpansNeedsNoProviderCall() {
        String text = "https://x.io/a 👍🏽 <@12> `npm test` 10:30!";
        Map<String, TranslationResult> results = engine().translate(text, "en", Set.of("ja", "th"));
        assertThat(results).containsEntry("ja", new Translated(text, "none", false)).containsEntry("th", new Translated(text, "none", false));
        libre.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSourceLanguageAsATargetGetsTheTextAndUnknownLanguagesArePermanent() {
        Map<String, TranslationResult> results = engine().translate("Hello friends", "en", Set.of("en", "fr"));
        assertThat(results.get("en")).isEqualTo(new Translated("Hello friends", "none", false));
        assertThat(((Permanent) results.get("fr")).reason()).contains("unsupported language fr");
        assertThat(engine().translate("Bonjour mes amis", "fr", Set.of("ja")).get("ja")).isInstanceOf(Permanent.class);
        libre.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutAProviderNothingIsTranslated() {
        TranslationEngine none = TestEngines.engine("none", null, null, null).engine();
        assertThat(none.enabled()).isFalse();
        assertThat(none.provider()).isEqualTo("none");
        assertThat(((Permanent) none.translate("Hello friends", "en", Set.of("ja")).get("ja")).reason())
                .contains("no translation provider");
        assertThat(none.stats()).isEqualTo(new TranslationStats("none", 0, 0, 0, 0, 0.0, "disabled", 0));
    }

    @Test
    void anUnknownProviderNameStopsStartUpWithTheChoices() {
        assertThatThrownBy(() -> TestEngines.engine("babelfish", null, null, null))
                .hasMessageContaining("none, libretranslate, deepl, google, openai").hasMessageContaining("babelfish");
        assertThat(TestEngines.engine(" DeepL ", "http://127.0.0.1:1", "k", null).engine().provider()).isEqualTo("deepl");
    }

    @Test
    void aBatchLargerThanTheProviderAllowsIsSplitIntoSeveralCalls() {
        // LibreTranslate takes 20 texts per call: 45 distinct lines make three calls.
        List<String> texts = IntStream.range(0, 15).mapToObj(i -> "Line a" + i + "\nLine b" + i + "\nLine c" + i).toList();
        List<Map<String, TranslationResult>> results = engine().translateAll(texts, "en", Set.of("id"));
        for (int i = 0; i < texts.size(); i++) {
            String expected = texts.get(i).lines().map(line -> translated("id", line)).collect(Collectors.joining("\n"));
            assertThat(results.get(i).get("id")).isEqualTo(new Translated(expected, "libretranslate", false));
        }
        libre.verify(3, postRequestedFor(urlEqualTo("/translate")));
    }

    @Test
    void linesWithoutWordsAreKeptAndNeverSent() {
        TranslationEngine engine = engine();
        List<String> lines = new ArrayList<>(List.of("Agenda", "", "1. 10:00", "```", "make all", "```", "Thanks"));
        Translated result = (Translated) engine.translate(String.join("\n", lines), "en", Set.of("ja")).get("ja");
        assertThat(result.text()).isEqualTo("[ja] Agenda\n\n1. 10:00\n```\nmake all\n```\n[ja] Thanks");
        libre.verify(1, postRequestedFor(urlEqualTo("/translate")));
    }

    @Test
    void theMemoryIsOptionalForCorrectness() {
        // A memory that cannot be read or written (its table dropped) only costs provider calls.
        TestEngines.Fixture f = TestEngines.engine(TranslationProperties.of("libretranslate", libre.baseUrl(), "", null));
        f.memory().sql("drop table translation_memory").update();
        assertThat(f.engine().translate("Hello friends", "en", Set.of("ja")).get("ja"))
                .isEqualTo(new Translated(translated("ja", "Hello friends"), "libretranslate", false));
    }
}
