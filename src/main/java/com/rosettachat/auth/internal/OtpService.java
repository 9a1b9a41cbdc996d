package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.mail.MailTemplate;
import com.rosettachat.auth.internal.mail.Mailer;
import com.rosettachat.shared.error.TooManyRequestsException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.AppKey;
import com.rosettachat.user.NewUser;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwordless sign-in by a 6-digit code sent by mail (CONTRACT §2): valid 10 minutes, single
 * use, void after 5 wrong tries, at most 3 requests per 10 minutes per email. A code is sent to
 * any address, known or not, because verifying it is also how new accounts are made.
 */
@Service
public class OtpService {

    public static final String INVALID = "Invalid or expired OTP.";
    static final Duration VALIDITY = Duration.ofMinutes(10);

    private final OtpStore store;
    private final UserService users;
    private final Mailer mailer;
    private final AppKey key;
    private final RateLimiter limiter;
    private final RateLimit requestLimit;
    private final int maxWrongCodes;
    private final Clock clock;

    OtpService(OtpStore store, UserService users, Mailer mailer, AppKey key, RateLimiter limiter,
               RateLimitProperties limits, Clock clock) {
        this.store = store;
        this.users = users;
        this.mailer = mailer;
        this.key = key;
        this.limiter = limiter;
        this.requestLimit = new RateLimit("otp", limits.otpPerTenMinutes(), Duration.ofMinutes(10));
        this.maxWrongCodes = limits.otpWrongCodes();
        this.clock = clock;
    }

    /**
     * Mails a new code (replacing any earlier one) and returns the request budget for the
     * response headers. {@code fallbackLanguage} is used for an address without an account.
     */
    @Transactional
    public RateLimit.Decision request(String email, String fallbackLanguage) {
        String normalized = UserService.normalizeEmail(email);
        RateLimit.Decision decision = limiter.hit("otp:" + normalized, requestLimit);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision);
        }
        String code = Secrets.digits(6);
        Instant now = clock.instant();
        store.replace(normalized, hash(normalized, code), now.plus(VALIDITY), now);
        Optional<User> user = users.findByEmail(normalized);
        Map<String, String> params = new HashMap<>();
        params.put("code", code);
        params.put("minutes", Long.toString(VALIDITY.toMinutes()));
        user.ifPresent(u -> params.put("name", u.name()));
        mailer.send(normalized, user.map(User::preferredLanguage).orElse(fallbackLanguage), MailTemplate.OTP, params);
        return decision;
    }

    /**
     * The user the code belongs to, created (verified, without a password) when the address is
     * new (in {@code newUserLanguage}). Wrong codes are counted even though the request fails,
     * hence no rollback for them.
     */
    @Transactional(noRollbackFor = ValidationException.class)
    public User verify(String email, String code, String newUserLanguage) {
        String normalized = UserService.normalizeEmail(email);
        OtpStore.Otp otp = store.find(normalized).orElse(null);
        if (otp == null || !otp.expiresAt().isAfter(clock.instant())) {
            throw ValidationException.of("token", INVALID);
        }
        String given = hash(normalized, code);
        if (!Secrets.equal(otp.codeHash(), given)) {
            store.recordFailure(normalized, maxWrongCodes);
            throw ValidationException.of("token", INVALID);
        }
        if (!store.consume(normalized, given)) {
            throw ValidationException.of("token", INVALID);
        }
        User user = users.findByEmail(normalized).orElseGet(() -> users.create(
                new NewUser(localPart(normalized), normalized, null, newUserLanguage, true)));
        // The code reached this mailbox, which is what verification proves.
        users.markEmailVerified(user.id());
        AuthService.ensureActive(user);
        return user;
    }

    private String hash(String email, String code) {
        return key.sign("otp|" + email + "|" + code);
    }

    static String localPart(String email) {
        int at = email.lastIndexOf('@');
        String local = at > 0 ? email.substring(0, at) : email;
        return local.length() > 255 ? local.substring(0, 255) : local;
    }
}
