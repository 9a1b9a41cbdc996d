package com.rosettachat.translation;

/**
 * Since this node started: HTTP requests sent to the provider and how many failed, translation
 * memory hits and misses (one per text and target looked up), the circuit breaker's state
 * ({@code closed}, {@code open}, {@code half_open}, or {@code disabled} without a provider) and the
 * number of translations waiting in the registered {@link TranslationBacklog}s.
 */
public record TranslationStats(String provider, long providerCalls, long providerFailures, long memoryHits,
                               long memoryMisses, double memoryHitRate, String circuitState, long queueDepth) {
}
