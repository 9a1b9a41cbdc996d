package com.rosettachat.shared.ratelimit;

import java.time.Duration;

/** A limit: {@code capacity} hits per {@code period}, refilled all at once when the period has passed. */
public record RateLimit(String name, int capacity, Duration period) {

    public static RateLimit perMinute(String name, int capacity) {
        return new RateLimit(name, capacity, Duration.ofMinutes(1));
    }

    /** What one check decided, with everything the X-RateLimit headers need. */
    public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds, long resetEpochSeconds) {
    }
}
