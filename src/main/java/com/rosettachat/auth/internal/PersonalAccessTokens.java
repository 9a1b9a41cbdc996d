package com.rosettachat.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.user.UserDeactivated;
import com.rosettachat.user.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sanctum-compatible personal access tokens (CONTRACT §2). A verified token is cached briefly so
 * that a bearer request costs no database round trip; revocation and deactivation evict at once
 * on this node, and {@code last_used_at} is written at most once a minute per token.
 */
@Service
public class PersonalAccessTokens {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenStore store;
    private final UserService users;
    private final Clock clock;
    private final Cache<Long, TokenRecord> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(15))
            .build();

    PersonalAccessTokens(TokenStore store, UserService users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    /** A new token and the one time its plain text is known: {@code {id}|{40 chars}{crc32}}. */
    public record Issued(TokenRecord token, String plainText) {
    }

    @Transactional
    public Issued issue(long userId, String name, List<String> abilities, Instant expiresAt) {
        String secret = secret();
        Instant now = clock.instant();
        long id = store.insert(userId, name, sha256(secret), abilities, expiresAt, now);
        return new Issued(store.find(id).orElseThrow(), id + "|" + secret);
    }

    /** The principal behind a bearer value, or empty for anything unknown, expired, tampered or inactive. */
    public Optional<CurrentUser> authenticate(String bearer) {
        int bar = bearer.indexOf('|');
        if (bar <= 0 || bar > 18 || bar == bearer.length() - 1) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(bearer.substring(0, bar));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        TokenRecord token = verified.getIfPresent(id);
        if (token == null) {
            token = store.find(id).orElse(null);
            if (token == null || !users.findById(token.userId()).map(u -> u.active()).orElse(false)) {
                return Optional.empty();
            }
        }
        byte[] expected = token.tokenHash().getBytes(StandardCharsets.US_ASCII);
        byte[] given = sha256(bearer.substring(bar + 1)).getBytes(StandardCharsets.US_ASCII);
        Instant now = clock.instant();
        if (!MessageDigest.isEqual(expected, given) || token.expired(now)) {
            return Optional.empty();
        }
        verified.put(id, touchIfStale(token, now));
        return Optional.of(new CurrentUser(token.userId(), token.id(), new HashSet<>(token.abilities())));
    }

    private TokenRecord touchIfStale(TokenRecord token, Instant now) {
        if (token.lastUsedAt() != null && token.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            return token;
        }
        store.touch(token.id(), now);
        return new TokenRecord(token.id(), token.userId(), token.name(), token.tokenHash(), token.abilities(),
                now, token.expiresAt(), token.createdAt());
    }

    public List<TokenRecord> list(long userId) {
        return store.listForUser(userId);
    }

    /** Deletes one of the user's tokens; someone else's token is as unknown as a missing one. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        if (!store.delete(userId, tokenId)) {
            throw ApiException.notFound();
        }
        verified.invalidate(tokenId);
    }

    /** Deletes every token of the user except {@code keepId} (null keeps none). */
    @Transactional
    public void revokeAllExcept(long userId, Long keepId) {
        verified.invalidateAll(store.deleteAllExcept(userId, keepId));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserDeactivated event) {
        verified.asMap().values().removeIf(token -> token.userId() == event.userId());
    }

    private String secret() {
        StringBuilder entropy = new StringBuilder(Secrets.alphanumeric(40));
        CRC32 crc = new CRC32();
        crc.update(entropy.toString().getBytes(StandardCharsets.US_ASCII));
        return entropy.append(String.format("%08x", crc.getValue())).toString();
    }

    static String sha256(String value) {
        return Secrets.sha256(value);
    }
}
