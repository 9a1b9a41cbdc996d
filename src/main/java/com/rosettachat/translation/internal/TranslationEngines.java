package com.rosettachat.translation.internal;

import com.rosettachat.translation.internal.provider.DeepLProvider;
import com.rosettachat.translation.internal.provider.GoogleProvider;
import com.rosettachat.translation.internal.provider.LibreTranslateProvider;
import com.rosettachat.translation.internal.provider.OpenAiProvider;
import com.rosettachat.translation.internal.provider.ProviderHttp;
import com.rosettachat.translation.internal.provider.Sleeper;
import com.rosettachat.translation.internal.provider.TranslationProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds an engine from its settings; the Spring configuration, tests and the benchmark all use it. */
public final class TranslationEngines {

    public static final List<String> PROVIDERS = List.of("none", "libretranslate", "deepl", "google", "openai");

    private TranslationEngines() {
    }

    public static DefaultTranslationEngine create(TranslationProperties properties, JdbcClient jdbc, MeterRegistry registry,
                                                  Clock clock, Sleeper sleeper, LongSupplier queueDepth) {
        String name = providerName(properties);
        TranslationMemory memory = new TranslationMemory(jdbc);
        if (name.equals("none")) {
            return new DefaultTranslationEngine(null, memory, new TranslationMetrics(registry, name, null, queueDepth),
                    null, queueDepth, clock);
        }
        CircuitBreaker breaker = CircuitBreaker.of("translation-" + name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.circuit().window())
                .minimumNumberOfCalls(properties.circuit().minimumCalls())
                .failureRateThreshold(properties.circuit().failureRate())
                .waitDurationInOpenState(properties.circuit().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        TranslationMetrics metrics = new TranslationMetrics(registry, name, breaker, queueDepth);
        ProviderHttp http = new ProviderHttp(new ProviderHttp.Settings(properties.connectTimeout(), properties.readTimeout(),
                Math.max(1, properties.maxAttempts()), properties.retryBackoff(), properties.maxRetryWait()),
                breaker, metrics, clock, sleeper);
        return new DefaultTranslationEngine(provider(name, properties, http, clock), memory, metrics, breaker, queueDepth, clock);
    }

    private static TranslationProvider provider(String name, TranslationProperties p, ProviderHttp http, Clock clock) {
        return switch (name) {
            case "libretranslate" -> new LibreTranslateProvider(p.url(), p.apiKey(), http, clock);
            case "deepl" -> new DeepLProvider(p.url(), p.apiKey(), http);
            case "google" -> new GoogleProvider(p.url(), p.apiKey(), http);
            default -> new OpenAiProvider(p.url(), p.apiKey(), p.model(), http);
        };
    }

    static String providerName(TranslationProperties properties) {
        String name = properties.provider() == null || properties.provider().isBlank() ? "none"
                : properties.provider().strip().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(name)) {
            throw new IllegalStateException("ROSETTA_TRANSLATION_PROVIDER must be one of " + String.join(", ", PROVIDERS)
                    + "; got '" + properties.provider() + "'");
        }
        return name;
    }
}
