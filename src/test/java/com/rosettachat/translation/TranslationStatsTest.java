package com.rosettachat.translation;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.translation.TranslationResult.Translated;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The administrators' view of the engine, over HTTP, and the engine the application builds from
 * its configuration (the suite's is LibreTranslate at {@code TestTranslationServer}).
 */
class TranslationStatsTest extends ApiTest {

    private static final String STATS = "/api/v1/admin/translation/stats";

    @Autowired
    TranslationEngine engine;

    @Autowired
    LanguageDetector detector;

    @Autowired
    MeterRegistry meters;

    private JsonNode stats(Account admin) {
        Http.Response r = http.get(STATS).token(admin.token()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("data");
    }

    @Test
    void administratorsSeeCountersThatMoveWithTheEngine() {
        Account admin = admin();
        JsonNode before = stats(admin);
        assertThat(before.propertyNames()).containsExactlyInAnyOrder("provider", "provider_calls", "provider_failures",
                "memory_hits", "memory_misses", "memory_hit_rate", "circuit_state", "queue_depth");
        assertThat(before.path("provider").asString()).isEqualTo("libretranslate");
        assertThat(before.path("circuit_state").asString()).isEqualTo("closed");
        assertThat(before.path("queue_depth").asLong()).isZero();
        assertThat(before.path("memory_hit_rate").isNumber()).isTrue();

        String text = "Stats check " + System.nanoTime();
        engine.translate(text, "en", Set.of("th"));
        engine.translate(text, "en", Set.of("th"));

        JsonNode after = stats(admin);
        assertThat(after.path("provider_calls").asLong()).isGreaterThan(before.path("provider_calls").asLong());
        assertThat(after.path("memory_misses").asLong()).isEqualTo(before.path("memory_misses").asLong() + 1);
        assertThat(after.path("memory_hits").asLong()).isEqualTo(before.path("memory_hits").asLong() + 1);
        assertThat(after.path("provider_failures").asLong()).isEqualTo(before.path("provider_failures").asLong());
        // The same numbers as Micrometer meters, for any metrics backend.
        assertThat(meters.get("rosetta.translation.provider.calls").tag("provider", "libretranslate").counter().count())
                .isEqualTo(after.path("provider_calls").asDouble());
        assertThat(meters.get("rosetta.translation.memory.hits").counter().count()).isEqualTo(after.path("memory_hits").asDouble());
        assertThat(meters.get("rosetta.translation.circuit.state").gauge().value()).isZero();
        assertThat(meters.get("rosetta.translation.queue.depth").gauge().value()).isZero();
        double rate = after.path("memory_hit_rate").asDouble();
        assertThat(rate).isBetween(0.0, 1.0).isEqualTo((double) after.path("memory_hits").asLong()
                / (after.path("memory_hits").asLong() + after.path("memory_misses").asLong()));
    }

    @Test
    void everyoneElseIsRefused() {
        Account user = register();
        assertError(http.get(STATS).token(user.token()).send(), 403, "This action is unauthorized.");
        assertError(http.get(STATS).send(), 401, "Unauthenticated.");
    }

    @Test
    void theConfiguredEngineTranslatesAndTheDetectorIsShared() {
        assertThat(engine.enabled()).isTrue();
        assertThat(engine.provider()).isEqualTo("libretranslate");
        String text = "Lunch at noon? https://maps.example/x " + System.nanoTime();
        Map<String, TranslationResult> results = engine.translate(text, "en", Set.of("ja", "zh-CN", "en"));
        assertThat(results.get("ja")).isEqualTo(new Translated(translated("ja", text), "libretranslate", false));
        assertThat(results.get("zh-CN")).isEqualTo(new Translated(translated("zh-Hans", text), "libretranslate", false));
        assertThat(results.get("en")).isEqualTo(new Translated(text, "none", false));
        assertThat(detector.detect("Saya sudah kirim laporannya ke email kamu kemarin", "en")).isEqualTo("id");
    }
}
