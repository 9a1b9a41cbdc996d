package com.rosettachat.translation.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;

/**
 * The engine's counters, kept as Micrometer meters ({@code rosetta.translation.*}) so the admin
 * stats endpoint and any metrics backend read the same numbers.
 */
public class TranslationMetrics {

    private final Counter providerCalls;
    private final Counter providerFailures;
    private final Counter memoryHits;
    private final Counter memoryMisses;

    public TranslationMetrics(MeterRegistry registry, String provider, CircuitBreaker breaker, LongSupplier queueDepth) {
        providerCalls = Counter.builder("rosetta.translation.provider.calls").tag("provider", provider)
                .description("HTTP requests sent to the translation provider").register(registry);
        providerFailures = Counter.builder("rosetta.translation.provider.failures").tag("provider", provider)
                .description("Provider requests that failed (timeout, network, non-2xx)").register(registry);
        memoryHits = Counter.builder("rosetta.translation.memory.hits")
                .description("Translations served from the translation memory").register(registry);
        memoryMisses = Counter.builder("rosetta.translation.memory.misses")
                .description("Translations the memory did not have").register(registry);
        Gauge.builder("rosetta.translation.memory.hit.rate", this, TranslationMetrics::memoryHitRate).register(registry);
        Gauge.builder("rosetta.translation.circuit.state", () -> circuitCode(breaker))
                .description("0 closed, 1 open, 2 half-open, -1 no provider").register(registry);
        Gauge.builder("rosetta.translation.queue.depth", () -> queueDepth.getAsLong())
                .description("Translations waiting in the translation worker's queue").register(registry);
    }

    public void providerCall(boolean failed) {
        providerCalls.increment();
        if (failed) {
            providerFailures.increment();
        }
    }

    void memory(int hits, int misses) {
        memoryHits.increment(hits);
        memoryMisses.increment(misses);
    }

    long providerCalls() {
        return (long) providerCalls.count();
    }

    long providerFailures() {
        return (long) providerFailures.count();
    }

    long memoryHits() {
        return (long) memoryHits.count();
    }

    long memoryMisses() {
        return (long) memoryMisses.count();
    }

    double memoryHitRate() {
        double total = memoryHits.count() + memoryMisses.count();
        return total == 0 ? 0 : memoryHits.count() / total;
    }

    /** The breaker's state as the stats endpoint names it. */
    static String circuitState(CircuitBreaker breaker) {
        if (breaker == null) {
            return "disabled";
        }
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> "open";
            case HALF_OPEN -> "half_open";
            case DISABLED -> "disabled";
            default -> "closed";
        };
    }

    private static int circuitCode(CircuitBreaker breaker) {
        return switch (circuitState(breaker)) {
            case "open" -> 1;
            case "half_open" -> 2;
            case "disabled" -> -1;
            default -> 0;
        };
    }
}
