package com.rosettachat.user.internal;

import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.user.NewUser;
import com.rosettachat.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the users table; runs unchanged on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
public class UserStore {

    private static final String COLUMNS = """
            id, name, email, password_hash, email_verified_at, is_active, last_login_at,
            preferred_language, avatar_url, plan, created_at, updated_at""";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewUser user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into users (name, email, password_hash, email_verified_at, is_active,
                                   preferred_language, plan, created_at, updated_at)
                values (:name, :email, :hash, :verified, true, :language, 'free', :now, :now)""")
                .param("name", user.name())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .param("verified", user.emailVerified() ? Timestamps.toDb(now) : null)
                .param("language", user.preferredLanguage())
                .param("now", Timestamps.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id).query(UserStore::map).optional();
    }

    public List<User> findAll(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from users where id in (:ids)").param("ids", ids).query(UserStore::map).list();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", email).query(UserStore::map).optional();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from users where id = :id")
                .param("id", id).query(String.class).optional();
    }

    public void updatePassword(long id, String hash, Instant now) {
        jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
                .param("hash", hash).param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public void recordLogin(long id, Instant now) {
        jdbc.sql("update users set last_login_at = :now where id = :id")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public void markEmailVerified(long id, Instant now) {
        jdbc.sql("update users set email_verified_at = :now, updated_at = :now where id = :id and email_verified_at is null")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public void updateProfile(long id, String name, String language, String avatarUrl, Instant now) {
        jdbc.sql("""
                update users set name = :name, preferred_language = :language, avatar_url = :avatar,
                                 updated_at = :now
                where id = :id""")
                .param("name", name).param("language", language).param("avatar", avatarUrl)
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    public void updateAdminFields(long id, boolean active, String plan, Instant now) {
        jdbc.sql("update users set is_active = :active, plan = :plan, updated_at = :now where id = :id")
                .param("active", active).param("plan", plan).param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    /** Case-insensitive substring search on name and email; {@code !} escapes the caller's wildcards. */
    public Page<User> search(String q, PageRequest page) {
        String where = q == null ? "" : " where lower(name) like :q escape '!' or email like :q escape '!'";
        String pattern = q == null ? null : "%" + q.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        var count = jdbc.sql("select count(*) from users" + where);
        var select = jdbc.sql("select " + COLUMNS + " from users" + where + " order by id limit :limit offset :offset")
                .param("limit", page.perPage()).param("offset", page.offset());
        if (pattern != null) {
            count = count.param("q", pattern);
            select = select.param("q", pattern);
        }
        long total = count.query(Long.class).single();
        List<User> users = select.query(UserStore::map).list();
        return new Page<>(users, page, total);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                Timestamps.fromDb(rs, "email_verified_at"),
                rs.getBoolean("is_active"),
                Timestamps.fromDb(rs, "last_login_at"),
                rs.getString("preferred_language"),
                rs.getString("avatar_url"),
                rs.getString("plan"),
                rs.getString("password_hash") != null,
                Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"));
    }
}
