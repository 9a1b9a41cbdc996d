package com.rosettachat.search.internal;

import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code search_documents} (the rows both indexes share) and the backfill's progress. */
@Repository
class DocumentStore {

    private static final String BACKFILL = "messages";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure each message has its original's row, then locks those rows until the transaction
     * ends: every writer of a message's documents goes through here first, so writers of one
     * message (on any node) take turns and the last one reads, and writes, the latest texts.
     */
    void lock(Collection<SearchIndex.Document> originals) {
        for (SearchIndex.Document d : originals) {
            jdbc.sql("""
                    insert into search_documents (message_id, variant, workspace_id, channel_id, sender_user_id, created_at)
                    values (:id, :variant, :workspace, :channel, :sender, :created) on conflict do nothing""")
                    .param("id", d.messageId()).param("variant", d.variant()).param("workspace", d.workspaceId())
                    .param("channel", d.channelId()).param("sender", d.senderUserId())
                    .param("created", Timestamps.toDb(d.createdAt())).update();
        }
        jdbc.sql("select message_id from search_documents where message_id in (:ids) and variant = 'original'"
                        + " order by message_id for update")
                .param("ids", originals.stream().map(SearchIndex.Document::messageId).toList())
                .query(String.class).list();
    }

    /** Writes the row's columns and, on PostgreSQL, its tsvector literal ({@code vector}; null on H2). */
    void upsert(SearchIndex.Document d, String vector) {
        String terms = vector == null ? "" : ", terms = cast(:terms as tsvector)";
        int updated = jdbc.sql("update search_documents set workspace_id = :workspace, channel_id = :channel,"
                        + " sender_user_id = :sender, created_at = :created" + terms
                        + " where message_id = :id and variant = :variant")
                .params(params(d, vector)).update();
        if (updated == 0) {
            // No race: the caller holds the message's lock (see lock).
            jdbc.sql("insert into search_documents (message_id, variant, workspace_id, channel_id, sender_user_id,"
                            + " created_at" + (vector == null ? "" : ", terms") + ") values (:id, :variant, :workspace,"
                            + " :channel, :sender, :created" + (vector == null ? "" : ", cast(:terms as tsvector)") + ")")
                    .params(params(d, vector)).update();
        }
    }

    private static Map<String, Object> params(SearchIndex.Document d, String vector) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", d.messageId());
        params.put("variant", d.variant());
        params.put("workspace", d.workspaceId());
        params.put("channel", d.channelId());
        params.put("sender", d.senderUserId());
        params.put("created", Timestamps.toDb(d.createdAt()));
        if (vector != null) {
            params.put("terms", vector);
        }
        return params;
    }

    /** Drops the message's translations no longer stored ({@code keep} holds the variants that stay). */
    void removeVariantsExcept(String messageId, Collection<String> keep) {
        jdbc.sql("delete from search_documents where message_id = :id and variant not in (:keep)")
                .param("id", messageId).param("keep", keep).update();
    }

    void removeAll(Collection<String> messageIds) {
        if (!messageIds.isEmpty()) {
            jdbc.sql("delete from search_documents where message_id in (:ids)").param("ids", messageIds).update();
        }
    }

    /** Where the backfill stopped: empty when it never ran, a blank id when it started from the beginning. */
    Optional<Backfill> backfill() {
        return jdbc.sql("select last_message_id, completed_at from search_backfill where name = :name")
                .param("name", BACKFILL)
                .query((rs, row) -> new Backfill(rs.getString("last_message_id"), Timestamps.fromDb(rs, "completed_at")))
                .optional();
    }

    record Backfill(String lastMessageId, Instant completedAt) {
    }

    void restartBackfill() {
        jdbc.sql("delete from search_backfill where name = :name").param("name", BACKFILL).update();
        jdbc.sql("insert into search_backfill (name) values (:name) on conflict do nothing").param("name", BACKFILL).update();
    }

    void backfilled(String lastMessageId, Instant completedAt) {
        jdbc.sql("update search_backfill set last_message_id = :last, completed_at = :completed where name = :name")
                .param("last", lastMessageId).param("completed", Timestamps.toDb(completedAt)).param("name", BACKFILL)
                .update();
    }
}
