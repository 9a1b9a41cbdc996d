package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rosettachat.translation.TranslationResult.Retryable;
import com.rosettachat.translation.TranslationResult.Translated;
import com.rosettachat.translation.internal.TranslationProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timeouts, retries with backoff and Retry-After, and the circuit breaker, against a DeepL stub
 * (every provider shares this HTTP layer). Waits are recorded, not slept; the breaker's clock is moved.
 */
class ProviderResilienceTest {

    @RegisterExtension
    static WireMockExtension deepl = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String OK = "{\"translations\": [{\"text\": \"こんにちは\"}]}";
    private static final Set<String> JA = Set.of("ja");

    private TestEngines.Fixture fixture() {
        return TestEngines.engine("deepl", deepl.baseUrl(), "key", null);
    }

    private static TranslationResult hello(TestEngines.Fixture f) {
        return f.engine().translate("Hello there, everyone", "en", JA).get("ja");
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersRetryAfter() {
        deepl.stubFor(post("/v2/translate").inScenario("429").whenScenarioStateIs(STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        deepl.stubFor(post("/v2/translate").inScenario("429").whenScenarioStateIs("ok").willReturn(aResponse().withBody(OK)));
        TestEngines.Fixture f = fixture();
        assertThat(hello(f)).isEqualTo(new Translated("こんにちは", "deepl", false));
        assertThat(f.sleeper().waits).containsExactly(Duration.ofSeconds(2));
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void aRetryAfterBeyondTheInlineLimitIsHandedBackInsteadOfSlept() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        TestEngines.Fixture f = fixture();
        Retryable result = (Retryable) hello(f);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(f.sleeper().waits).isEmpty();
        deepl.verify(1, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoffThenReportedRetryable() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"Internal error\"}")));
        TestEngines.Fixture f = fixture();
        Retryable result = (Retryable) hello(f);
        assertThat(result.reason()).contains("500").contains("Internal error");
        assertThat(f.sleeper().waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        deepl.verify(3, postRequestedFor(urlEqualTo("/v2/translate")));
        assertThat(f.engine().stats().providerCalls()).isEqualTo(3);
        assertThat(f.engine().stats().providerFailures()).isEqualTo(3);
    }

    @Test
    void aSlowProviderTimesOut() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withBody(OK).withFixedDelay(3_000)));
        TranslationProperties p = TestEngines.withTimeouts(TranslationProperties.of("deepl", deepl.baseUrl(), "key", null),
                Duration.ofMillis(250), 2);
        TestEngines.Fixture f = TestEngines.engine(p);
        Retryable result = (Retryable) hello(f);
        assertThat(result.reason()).contains("timed out");
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void anUnreachableProviderIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestEngines.Fixture f = TestEngines.engine("deepl", "http://127.0.0.1:" + closedPort, "key", null);
        assertThat(((Retryable) hello(f)).reason()).contains("unreachable");
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichFailsFastThenAProbeHealsIt() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(500)));
        TestEngines.Fixture f = fixture();
        hello(f);
        hello(f);
        // Five failed requests (3 + 2, the second call stopped by the breaker) opened the circuit.
        deepl.verify(5, postRequestedFor(urlEqualTo("/v2/translate")));
        assertThat(f.engine().stats().circuitState()).isEqualTo("open");

        for (int i = 0; i < 5; i++) {
            Retryable open = (Retryable) hello(f);
            assertThat(open.reason()).contains("circuit open");
            assertThat(open.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
        deepl.verify(5, postRequestedFor(urlEqualTo("/v2/translate")));

        deepl.resetAll();
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withBody(OK)));
        f.clock().advance(Duration.ofSeconds(31));
        assertThat(hello(f)).isEqualTo(new Translated("こんにちは", "deepl", false));
        assertThat(f.engine().stats().circuitState()).isEqualTo("closed");
        // Once healed the memory answers repeated text, and new text reaches the provider again.
        assertThat(f.engine().translate("Another message entirely", "en", JA).get("ja")).isInstanceOf(Translated.class);
        deepl.verify(2, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void aFailedHalfOpenProbeOpensTheCircuitAgain() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(503)));
        TestEngines.Fixture f = fixture();
        hello(f);
        hello(f);
        assertThat(f.engine().stats().circuitState()).isEqualTo("open");
        f.clock().advance(Duration.ofSeconds(31));
        assertThat(((Retryable) hello(f)).reason()).contains("503");
        assertThat(f.engine().stats().circuitState()).isEqualTo("open");
        deepl.verify(6, postRequestedFor(urlEqualTo("/v2/translate")));
    }

    @Test
    void outageResultsAreRetryableForEveryTextNeverLost() {
        deepl.stubFor(post("/v2/translate").willReturn(aResponse().withStatus(502)));
        List<java.util.Map<String, TranslationResult>> results = fixture().engine()
                .translateAll(List.of("First message here", "Second message here"), "en", Set.of("ja", "th"));
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.keySet()).containsExactlyInAnyOrder("ja", "th");
            assertThat(r.values()).allMatch(Retryable.class::isInstance);
        });
    }
}
