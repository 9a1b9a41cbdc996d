package com.rosettachat.auth.internal;

import com.rosettachat.shared.error.TooManyRequestsException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.user.UserService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The login lockout of CONTRACT §1: failed attempts per email and IP; only failures count and a
 * success clears them, so a user who types the right password is never held back by the limit.
 */
@Component
public class LoginThrottle {

    private final RateLimiter limiter;
    private final RateLimit limit;

    LoginThrottle(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limit = RateLimit.perMinute("login", limits.loginPerMinute());
    }

    public static String key(String email, String ip) {
        return "login:" + UserService.normalizeEmail(email == null ? "" : email) + "|" + ip;
    }

    /** Refuses with the lockout message while the budget of failures is spent. */
    public void ensureAllowed(String key) {
        RateLimit.Decision decision = limiter.peek(key, limit);
        if (!decision.allowed()) {
            String message = "Too many login attempts. Please try again in " + decision.retryAfterSeconds() + " seconds.";
            throw new TooManyRequestsException(decision, message, Map.of("email", List.of(message)));
        }
    }

    public void failed(String key) {
        limiter.hit(key, limit);
    }

    public void succeeded(String key) {
        limiter.clear(key);
    }

    /** What the X-RateLimit headers of a login response report. */
    public RateLimit.Decision status(String key) {
        return limiter.peek(key, limit);
    }
}
