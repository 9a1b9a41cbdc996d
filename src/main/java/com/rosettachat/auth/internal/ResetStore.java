package com.rosettachat.auth.internal;

import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for password_reset_tokens: one live token per user. */
@Repository
class ResetStore {

    record ResetToken(String tokenHash, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    ResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long userId, String tokenHash, Instant expiresAt, Instant now) {
        jdbc.sql("delete from password_reset_tokens where user_id = :user").param("user", userId).update();
        jdbc.sql("""
                insert into password_reset_tokens (user_id, token_hash, expires_at, created_at)
                values (:user, :hash, :expires, :now)""")
                .param("user", userId).param("hash", tokenHash)
                .param("expires", Timestamps.toDb(expiresAt)).param("now", Timestamps.toDb(now)).update();
    }

    Optional<ResetToken> find(long userId) {
        return jdbc.sql("select token_hash, expires_at from password_reset_tokens where user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new ResetToken(rs.getString("token_hash"), Timestamps.fromDb(rs, "expires_at")))
                .optional();
    }

    /** Takes the token; false when it was used meanwhile, so a token resets at most once. */
    boolean consume(long userId, String tokenHash) {
        return jdbc.sql("delete from password_reset_tokens where user_id = :user and token_hash = :hash")
                .param("user", userId).param("hash", tokenHash).update() == 1;
    }
}
