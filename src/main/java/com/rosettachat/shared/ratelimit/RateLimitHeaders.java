package com.rosettachat.shared.ratelimit;

import com.rosettachat.shared.error.TooManyRequestsException;
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

    /** Puts the headers on the response and throws the 429 when the hit was refused. */
    public static void enforce(HttpServletResponse response, RateLimit.Decision decision) {
        apply(response, decision);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision);
        }
    }
}
