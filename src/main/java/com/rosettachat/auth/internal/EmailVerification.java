package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.mail.MailTemplate;
import com.rosettachat.auth.internal.mail.Mailer;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.AppKey;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed, expiring verification links (CONTRACT §2):
 * {@code /api/v1/auth/email/verify/{id}/{sha1(email)}?expires={unix}&signature={hex}}, where the
 * signature is the app key's HMAC-SHA256 of the path and {@code expires}. The host is left out of
 * what is signed, so a link stays valid behind any proxy or alias of the server.
 */
@Service
public class EmailVerification {

    public static final String INVALID = "Verification link is invalid.";
    static final Duration VALIDITY = Duration.ofMinutes(60);
    static final String PATH = "/api/v1/auth/email/verify/";
    /** Resending is free for the caller but not for their inbox: beyond this, requests answer 200 and send nothing. */
    private static final RateLimit RESEND = new RateLimit("verification-mail", 6, Duration.ofHours(1));

    private final UserService users;
    private final Mailer mailer;
    private final AppKey key;
    private final AppProperties app;
    private final Clock clock;
    private final RateLimiter limiter;

    EmailVerification(UserService users, Mailer mailer, AppKey key, AppProperties app, Clock clock, RateLimiter limiter) {
        this.users = users;
        this.mailer = mailer;
        this.key = key;
        this.app = app;
        this.clock = clock;
        this.limiter = limiter;
    }

    /** Mails a fresh link unless the address is already verified (or the hourly budget is spent). */
    @Transactional
    public void send(User user) {
        if (user.emailVerifiedAt() != null || !limiter.hit("verification-mail:" + user.id(), RESEND).allowed()) {
            return;
        }
        mailer.send(user.email(), user.preferredLanguage(), MailTemplate.VERIFY_EMAIL, Map.of(
                "name", user.name(), "url", link(user), "minutes", Long.toString(VALIDITY.toMinutes())));
    }

    String link(User user) {
        long expires = clock.instant().plus(VALIDITY).getEpochSecond();
        String signed = PATH + user.id() + "/" + Secrets.sha1(user.email()) + "?expires=" + expires;
        return app.baseUrl() + signed + "&signature=" + key.sign(signed);
    }

    /** Marks the address verified, or 404 for a link that is malformed, tampered, expired or stale. */
    @Transactional
    public void verify(String id, String hash, String expires, String signature) {
        long userId;
        long expiresAt;
        try {
            userId = Long.parseLong(id);
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.notFound(INVALID);
        }
        String signed = PATH + userId + "/" + hash + "?expires=" + expiresAt;
        if (!Secrets.equal(key.sign(signed), signature) || clock.instant().getEpochSecond() > expiresAt) {
            throw ApiException.notFound(INVALID);
        }
        // The hash binds the link to the address it was sent to: after an email change it is void.
        User user = users.findById(userId).filter(u -> Secrets.equal(Secrets.sha1(u.email()), hash))
                .orElseThrow(() -> ApiException.notFound(INVALID));
        users.markEmailVerified(user.id());
    }
}
