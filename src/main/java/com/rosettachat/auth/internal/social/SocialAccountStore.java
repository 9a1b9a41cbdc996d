package com.rosettachat.auth.internal.social;

import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for social_accounts: one account per provider and user, one user per provider account. */
@Repository
class SocialAccountStore {

    private static final String COLUMNS = "id, user_id, provider, provider_user_id, provider_email, name, avatar, created_at";

    private final JdbcClient jdbc;

    SocialAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SocialAccount> findByProviderUser(String provider, String providerUserId) {
        return jdbc.sql("select " + COLUMNS + " from social_accounts where provider = :provider and provider_user_id = :id")
                .param("provider", provider).param("id", providerUserId).query(SocialAccountStore::map).optional();
    }

    Optional<SocialAccount> findForUser(long userId, String provider) {
        return jdbc.sql("select " + COLUMNS + " from social_accounts where user_id = :user and provider = :provider")
                .param("user", userId).param("provider", provider).query(SocialAccountStore::map).optional();
    }

    List<SocialAccount> listForUser(long userId) {
        return jdbc.sql("select " + COLUMNS + " from social_accounts where user_id = :user order by id")
                .param("user", userId).query(SocialAccountStore::map).list();
    }

    int countForUser(long userId) {
        return jdbc.sql("select count(*) from social_accounts where user_id = :user")
                .param("user", userId).query(Integer.class).single();
    }

    SocialAccount insert(long userId, String provider, SocialProfile profile, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into social_accounts (user_id, provider, provider_user_id, provider_email, name, avatar,
                                             created_at, updated_at)
                values (:user, :provider, :id, :email, :name, :avatar, :now, :now)""")
                .param("user", userId).param("provider", provider).param("id", profile.id())
                .param("email", profile.email()).param("name", clip(profile.name(), 255))
                .param("avatar", clip(profile.avatar(), 2048)).param("now", Timestamps.toDb(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return jdbc.sql("select " + COLUMNS + " from social_accounts where id = :id").param("id", id)
                .query(SocialAccountStore::map).single();
    }

    /** Keeps the shown name, address and avatar as the provider last reported them. */
    void refresh(long id, SocialProfile profile, Instant now) {
        jdbc.sql("""
                update social_accounts set provider_email = :email, name = :name, avatar = :avatar, updated_at = :now
                where id = :id""")
                .param("email", profile.email()).param("name", clip(profile.name(), 255))
                .param("avatar", clip(profile.avatar(), 2048)).param("now", Timestamps.toDb(now)).param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from social_accounts where id = :id").param("id", id).update();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static SocialAccount map(ResultSet rs, int row) throws SQLException {
        return new SocialAccount(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"),
                rs.getString("provider_user_id"), rs.getString("provider_email"), rs.getString("name"),
                rs.getString("avatar"), Timestamps.fromDb(rs, "created_at"));
    }
}
