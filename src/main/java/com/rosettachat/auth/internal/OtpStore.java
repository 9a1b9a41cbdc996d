package com.rosettachat.auth.internal;

import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for auth_otps: at most one live code per email. */
@Repository
class OtpStore {

    record Otp(String codeHash, int attempts, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    OtpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String email, String codeHash, Instant expiresAt, Instant now) {
        jdbc.sql("delete from auth_otps where email = :email").param("email", email).update();
        jdbc.sql("""
                insert into auth_otps (email, code_hash, attempts, expires_at, created_at)
                values (:email, :hash, 0, :expires, :now)""")
                .param("email", email).param("hash", codeHash)
                .param("expires", Timestamps.toDb(expiresAt)).param("now", Timestamps.toDb(now)).update();
    }

    Optional<Otp> find(String email) {
        return jdbc.sql("select code_hash, attempts, expires_at from auth_otps where email = :email")
                .param("email", email)
                .query((rs, row) -> new Otp(rs.getString("code_hash"), rs.getInt("attempts"),
                        Timestamps.fromDb(rs, "expires_at")))
                .optional();
    }

    /** Counts a wrong code; the code is void once {@code maxAttempts} wrong ones were tried. */
    void recordFailure(String email, int maxAttempts) {
        jdbc.sql("update auth_otps set attempts = attempts + 1 where email = :email").param("email", email).update();
        jdbc.sql("delete from auth_otps where email = :email and attempts >= :max")
                .param("email", email).param("max", maxAttempts).update();
    }

    /** Takes the code; false when someone else took it first, so a code signs in at most once. */
    boolean consume(String email, String codeHash) {
        return jdbc.sql("delete from auth_otps where email = :email and code_hash = :hash")
                .param("email", email).param("hash", codeHash).update() == 1;
    }
}
