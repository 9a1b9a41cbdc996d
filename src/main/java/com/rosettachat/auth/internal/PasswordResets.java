package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.mail.MailTemplate;
import com.rosettachat.auth.internal.mail.Mailer;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.error.TooManyRequestsException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords (CONTRACT §2): a 64-character token, stored as its SHA-256, valid 60
 * minutes and single use, mailed as {@code {frontend_url}/reset-password?token=...&email=...}
 * (the app URL when no frontend is configured). At most 3 requests per 10 minutes per email.
 */
@Service
public class PasswordResets {

    public static final String UNKNOWN_EMAIL = "We could not find an account with that email.";
    public static final String INVALID_TOKEN = "This password reset token is invalid.";
    static final Duration VALIDITY = Duration.ofMinutes(60);

    private final ResetStore store;
    private final UserService users;
    private final AuthService auth;
    private final Mailer mailer;
    private final AppProperties app;
    private final RateLimiter limiter;
    private final RateLimit limit;
    private final Clock clock;

    PasswordResets(ResetStore store, UserService users, AuthService auth, Mailer mailer, AppProperties app,
                   RateLimiter limiter, RateLimitProperties limits, Clock clock) {
        this.store = store;
        this.users = users;
        this.auth = auth;
        this.mailer = mailer;
        this.app = app;
        this.limiter = limiter;
        this.limit = new RateLimit("forgot-password", limits.forgotPasswordPerTenMinutes(), Duration.ofMinutes(10));
        this.clock = clock;
    }

    /** Mails a reset link; returns the request budget for the response headers. */
    @Transactional
    public RateLimit.Decision forgot(String email) {
        String normalized = UserService.normalizeEmail(email);
        RateLimit.Decision decision = limiter.hit("forgot-password:" + normalized, limit);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision);
        }
        User user = users.findByEmail(normalized).orElseThrow(() -> ValidationException.of("email", UNKNOWN_EMAIL));
        String token = Secrets.alphanumeric(64);
        Instant now = clock.instant();
        store.replace(user.id(), Secrets.sha256(token), now.plus(VALIDITY), now);
        String url = app.clientUrl() + "/reset-password?token=" + token + "&email="
                + URLEncoder.encode(user.email(), StandardCharsets.UTF_8);
        mailer.send(user.email(), user.preferredLanguage(), MailTemplate.PASSWORD_RESET, Map.of(
                "name", user.name(), "url", url, "minutes", Long.toString(VALIDITY.toMinutes())));
        return decision;
    }

    /** Sets the new password and signs the user out everywhere (every token, every session). */
    @Transactional
    public void reset(String email, String token, String newPassword) {
        User user = users.findByEmail(email).orElseThrow(() -> ValidationException.of("email", INVALID_TOKEN));
        String given = Secrets.sha256(token);
        boolean valid = store.find(user.id())
                .filter(t -> t.expiresAt().isAfter(clock.instant()) && Secrets.equal(t.tokenHash(), given))
                .isPresent();
        if (!valid || !store.consume(user.id(), given)) {
            throw ValidationException.of("email", INVALID_TOKEN);
        }
        auth.resetPassword(user.id(), newPassword);
    }
}
