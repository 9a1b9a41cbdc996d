package com.rosettachat.shared.error;

import com.rosettachat.shared.ratelimit.RateLimit;
import java.util.List;
import java.util.Map;

/** 429; carries the refused decision so the response gets Retry-After and the X-RateLimit headers. */
public class TooManyRequestsException extends ApiException {

    public static final String MESSAGE = "Too Many Attempts.";

    private final RateLimit.Decision decision;

    public TooManyRequestsException(RateLimit.Decision decision) {
        this(decision, MESSAGE, null);
    }

    public TooManyRequestsException(RateLimit.Decision decision, String message, Map<String, List<String>> errors) {
        super(429, message, errors);
        this.decision = decision;
    }

    public RateLimit.Decision decision() {
        return decision;
    }
}
