package com.rosettachat.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bucket4j buckets keyed by what is limited ("api:user:7", "login:a@b.c|127.0.0.1"). Buckets live
 * in a bounded Caffeine cache on this node; an idle bucket is full again anyway, so evicting it
 * loses nothing.
 */
@Component
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final Clock clock;

    private final TimeMeter timeMeter;

    public RateLimiter(Clock clock) {
        this.clock = clock;
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one hit; the decision says whether it was allowed. */
    public RateLimit.Decision hit(String key, RateLimit limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return decision(limit, probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
    }

    /** Looks without taking: refused when no hit is left. */
    public RateLimit.Decision peek(String key, RateLimit limit) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return decision(limit, true, limit.capacity(), 0);
        }
        long remaining = bucket.getAvailableTokens();
        long wait = remaining > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return decision(limit, remaining > 0, remaining, wait);
    }

    public void clear(String key) {
        buckets.invalidate(key);
    }

    private Bucket bucket(String key, RateLimit limit) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period())
                        .build())
                // Bucket time follows the injected clock, so tests move a window forward instead of waiting.
                .withCustomTimePrecision(timeMeter)
                .build());
    }

    private RateLimit.Decision decision(RateLimit limit, boolean allowed, long remaining, long nanosToWait) {
        long retryAfter = allowed ? 0 : Math.max(1, (TimeUnit.NANOSECONDS.toMillis(nanosToWait) + 999) / 1000);
        long reset = clock.instant().getEpochSecond() + retryAfter;
        return new RateLimit.Decision(allowed, limit.capacity(), Math.max(0, remaining), retryAfter, reset);
    }
}
