package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.rosettachat.support.Http;
import com.rosettachat.translation.TranslationResult.Permanent;
import com.rosettachat.translation.TranslationResult.Retryable;
import com.rosettachat.translation.TranslationResult.Translated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** An OpenAI-compatible chat-completions server (as OpenAI, Ollama or llama.cpp serve it) against a stub. */
class OpenAiProviderTest {

    @RegisterExtension
    static WireMockExtension llm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v1/chat/completions";

    /** The model's reply content, wrapped as a chat completion. */
    private static void reply(String content) {
        llm.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(Http.JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", content))))))));
    }

    private static TranslationEngine engine(String key, String model) {
        return TestEngines.engine("openai", llm.baseUrl(), key, model).engine();
    }

    @Test
    void oneRequestServesEveryTargetWithTheModelAndBearerKey() {
        reply("{\"ja\": [\"⟦1⟧ を確認して ⟦2⟧\"], \"th\": [\"ตรวจ ⟦1⟧ หน่อย ⟦2⟧\"], \"id\": [\"Cek ⟦1⟧ ⟦2⟧\"]}");
        Map<String, TranslationResult> results = engine("sk-test", "qwen2.5:7b")
                .translate("Check https://x.io/pr/1 please 🙏", "en", Set.of("ja", "th", "id"));
        assertThat(results).containsEntry("ja", new Translated("https://x.io/pr/1 を確認して 🙏", "openai", false))
                .containsEntry("th", new Translated("ตรวจ https://x.io/pr/1 หน่อย 🙏", "openai", false))
                .containsEntry("id", new Translated("Cek https://x.io/pr/1 🙏", "openai", false));
        llm.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5:7b")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0"))));
        LoggedRequest request = llm.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        JsonNode messages = Http.JSON.readTree(request.getBodyAsString()).path("messages");
        assertThat(messages.path(0).path("role").asString()).isEqualTo("system");
        assertThat(messages.path(0).path("content").asString()).contains("⟦1⟧").contains("JSON");
        // JSON object equality ignores member order: the targets are a set.
        assertThat(Http.JSON.readTree(messages.path(1).path("content").asString())).isEqualTo(Http.JSON.readTree("""
                {"source": "en (English)", "targets": {"ja": "Japanese", "th": "Thai", "id": "Indonesian"},
                 "texts": ["Check ⟦1⟧ please ⟦2⟧"]}"""));
    }

    @Test
    void aLocalServerNeedsNoKeyAndTheDefaultModelIsUsed() {
        reply("{\"zh-CN\": [\"大家早上好\"]}");
        assertThat(engine("", "").translate("Good morning everyone", "en", Set.of("zh-CN")).get("zh-CN"))
                .isEqualTo(new Translated("大家早上好", "openai", false));
        llm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini"))));
    }

    @Test
    void reasoningBlocksAndCodeFencesAroundTheJsonAreTolerated() {
        reply("<think>The user wants Japanese.</think>\n```json\n{\"ja\": [\"おはよう\"]}\n```");
        assertThat(engine("", "qwen3").translate("Good morning all", "en", Set.of("ja")).get("ja"))
                .isEqualTo(new Translated("おはよう", "openai", false));
    }

    @Test
    void aTargetTheModelLeftOutOrAnswerThatIsNotJsonIsRetryable() {
        reply("{\"ja\": [\"おはよう\"]}");
        Map<String, TranslationResult> results = engine("", "m").translate("Good morning all", "en", Set.of("ja", "th"));
        assertThat(results.get("ja")).isInstanceOf(Translated.class);
        assertThat(((Retryable) results.get("th")).reason()).contains("left this language out");

        reply("Sure! Here is your translation: おはよう");
        assertThat(((Retryable) engine("", "m").translate("Good morning all", "en", Set.of("ja")).get("ja")).reason())
                .contains("not the JSON object");
    }

    @Test
    void aDuplicatedPlaceholderFallsBackToTheOriginal() {
        reply("{\"ja\": [\"⟦1⟧ ⟦1⟧ を確認して\"]}");
        assertThat(engine("", "m").translate("Check <@5> and <@6>", "en", Set.of("ja")).get("ja")).isInstanceOf(Permanent.class);
    }

    @Test
    void severalTextsGoInOneRequestInOrder() {
        reply("{\"id\": [\"Halo\", \"Sampai jumpa\"]}");
        List<Map<String, TranslationResult>> results = engine("", "m").translateAll(List.of("Hello there", "See you later"),
                "en", Set.of("id"));
        assertThat(results.get(0).get("id")).isEqualTo(new Translated("Halo", "openai", false));
        assertThat(results.get(1).get("id")).isEqualTo(new Translated("Sampai jumpa", "openai", false));
        llm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.messages[1].content",
                equalToJson("{\"source\": \"en (English)\", \"targets\": {\"id\": \"Indonesian\"}, \"texts\": [\"Hello there\", \"See you later\"]}"))));
    }
}
