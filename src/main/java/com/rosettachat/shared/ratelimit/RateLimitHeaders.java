package com.rosettachat.shared.ratelimit;

import jakarta.servlet.http.HttpServletResponse;

/** The headers of CONTRACT §1 on every limited response, plus Retry-After and X-RateLimit-Reset on a refusal. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void apply(HttpServletResponse response, RateLimit.Decision decision) {
        response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
        }
    }
}
