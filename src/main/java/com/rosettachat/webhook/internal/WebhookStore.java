package com.rosettachat.webhook.internal;

import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the webhooks table. */
@Repository
class WebhookStore {

    private static final String COLUMNS = """
            id, workspace_id, name, default_channel_id, is_active, secret_ciphertext, last_used_at, created_at""";

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Webhook w, long createdBy) {
        jdbc.sql("""
                insert into webhooks (id, workspace_id, name, default_channel_id, secret_ciphertext, is_active,
                    created_by, created_at, updated_at)
                values (:id, :workspace, :name, :channel, :secret, :active, :by, :now, :now)""")
                .param("id", w.id()).param("workspace", w.workspaceId()).param("name", w.name())
                .param("channel", w.defaultChannelId()).param("secret", w.secretCiphertext())
                .param("active", w.active()).param("by", createdBy).param("now", Timestamps.toDb(w.createdAt()))
                .update();
    }

    Optional<Webhook> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where id = :id")
                .param("id", id).query(WebhookStore::map).optional();
    }

    List<Webhook> list(String workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where workspace_id = :workspace order by created_at, id")
                .param("workspace", workspaceId).query(WebhookStore::map).list();
    }

    void update(Webhook w, Instant now) {
        jdbc.sql("""
                update webhooks set name = :name, default_channel_id = :channel, is_active = :active,
                    secret_ciphertext = :secret, updated_at = :now
                where id = :id""")
                .param("name", w.name()).param("channel", w.defaultChannelId()).param("active", w.active())
                .param("secret", w.secretCiphertext()).param("now", Timestamps.toDb(now)).param("id", w.id())
                .update();
    }

    void touch(String id, Instant now) {
        jdbc.sql("update webhooks set last_used_at = :now where id = :id")
                .param("now", Timestamps.toDb(now)).param("id", id).update();
    }

    void delete(String id) {
        jdbc.sql("delete from webhooks where id = :id").param("id", id).update();
    }

    private static Webhook map(ResultSet rs, int row) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("workspace_id"), rs.getString("name"),
                rs.getString("default_channel_id"), rs.getBoolean("is_active"), rs.getString("secret_ciphertext"),
                Timestamps.fromDb(rs, "last_used_at"), Timestamps.fromDb(rs, "created_at"));
    }
}
