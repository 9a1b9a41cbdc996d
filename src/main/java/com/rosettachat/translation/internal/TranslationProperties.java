package com.rosettachat.translation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ROSETTA_TRANSLATION_*}. {@code provider}: none, libretranslate, deepl, google, openai;
 * {@code url}, {@code apiKey}, {@code model}: endpoint, key and model, each provider's default
 * when empty. Timeouts and retries apply to every provider request; a wait longer than
 * {@code maxRetryWait} is handed back to the caller instead of slept. The circuit opens when
 * {@code failureRate} percent of the last {@code window} requests (at least {@code minimumCalls})
 * failed, and lets one probe through after {@code openFor}.
 */
@ConfigurationProperties("rosetta.translation")
public record TranslationProperties(
        @DefaultValue("none") String provider,
        String url,
        String apiKey,
        String model,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("10s") Duration maxRetryWait,
        @DefaultValue Circuit circuit,
        @DefaultValue Detection detection) {

    /** Circuit breaker thresholds. */
    public record Circuit(@DefaultValue("50") float failureRate, @DefaultValue("10") int window,
                          @DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }

    /** {@code lowAccuracy}: Lingua's light models (about 3 MB instead of 69 MB; the same answers on the benchmark's chat messages). */
    public record Detection(@DefaultValue("true") boolean lowAccuracy) {
    }

    /** The provider's settings with everything else at its default: for tests and the benchmark. */
    public static TranslationProperties of(String provider, String url, String apiKey, String model) {
        return new TranslationProperties(provider, url, apiKey, model, Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                Duration.ofMillis(500), Duration.ofSeconds(10), new Circuit(50, 10, 5, Duration.ofSeconds(30)),
                new Detection(true));
    }
}
