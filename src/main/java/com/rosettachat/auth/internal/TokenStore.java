package com.rosettachat.auth.internal;

import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for personal_access_tokens. Abilities are kept as a JSON list of plain ability names. */
@Repository
class TokenStore {

    private static final String COLUMNS = "id, user_id, name, token_hash, abilities, last_used_at, expires_at, created_at";

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String hash, List<String> abilities, Instant expiresAt, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into personal_access_tokens (user_id, name, token_hash, abilities, expires_at, created_at)
                values (:user, :name, :hash, :abilities, :expires, :now)""")
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("abilities", encode(abilities))
                .param("expires", Timestamps.toDb(expiresAt))
                .param("now", Timestamps.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<TokenRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from personal_access_tokens where id = :id")
                .param("id", id).query(TokenStore::map).optional();
    }

    List<TokenRecord> listForUser(long userId) {
        return jdbc.sql("select " + COLUMNS + " from personal_access_tokens where user_id = :user order by id")
                .param("user", userId).query(TokenStore::map).list();
    }

    void touch(long id, Instant now) {
        jdbc.sql("update personal_access_tokens set last_used_at = :now where id = :id")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("delete from personal_access_tokens where id = :id and user_id = :user")
                .param("id", id).param("user", userId).update() > 0;
    }

    List<Long> deleteAllExcept(long userId, Long keepId) {
        List<Long> ids = jdbc.sql("select id from personal_access_tokens where user_id = :user")
                .param("user", userId).query(Long.class).list().stream()
                .filter(id -> !id.equals(keepId)).toList();
        for (Long id : ids) {
            delete(userId, id);
        }
        return ids;
    }

    /** Abilities are drawn from a fixed vocabulary without quotes, so this tiny JSON codec is exact. */
    static String encode(List<String> abilities) {
        return abilities.stream().map(a -> "\"" + a + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]").orElse("[]");
    }

    static List<String> decode(String json) {
        String inner = json.strip();
        inner = inner.substring(1, inner.length() - 1).strip();
        if (inner.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(inner.split(",")).map(s -> s.strip().replace("\"", "")).toList();
    }

    private static TokenRecord map(ResultSet rs, int row) throws SQLException {
        return new TokenRecord(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("token_hash"), decode(rs.getString("abilities")),
                Timestamps.fromDb(rs, "last_used_at"), Timestamps.fromDb(rs, "expires_at"),
                Timestamps.fromDb(rs, "created_at"));
    }
}
