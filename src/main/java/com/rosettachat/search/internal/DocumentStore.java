package com.rosettachat.search.internal;

import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code search_documents} rows as both indexes share them, and for the backfill's progress. */
@Repository
class DocumentStore {

    private static final String BACKFILL = "messages";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    DocumentStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A document's columns as named parameters: id, variant, workspace, channel, sender, created. */
    static MapSqlParameterSource params(SearchIndex.Document d) {
        return new MapSqlParameterSource().addValue("id", d.messageId()).addValue("variant", d.variant())
                .addValue("workspace", d.workspaceId()).addValue("channel", d.channelId())
                .addValue("sender", d.senderUserId()).addValue("created", Timestamps.toDb(d.createdAt()));
    }

    /**
     * Makes sure each message has its original's row, then locks those rows until the transaction
     * ends: every writer of a message's documents comes here first, so writers of one message (on
     * any node) take turns and the last one reads, and writes, the latest texts. Rows are taken in
     * id order, so two writers of overlapping batches cannot deadlock.
     */
    void lock(List<SearchIndex.Document> originals) {
        batch.batchUpdate("""
                insert into search_documents (message_id, variant, workspace_id, channel_id, sender_user_id, created_at)
                values (:id, :variant, :workspace, :channel, :sender, :created) on conflict do nothing""",
                originals.stream().map(DocumentStore::params).toArray(MapSqlParameterSource[]::new));
        jdbc.sql("select message_id from search_documents where message_id in (:ids) and variant = 'original'"
                        + " order by message_id for update")
                .param("ids", originals.stream().map(SearchIndex.Document::messageId).toList())
                .query(String.class).list();
    }

    /** The variants each message has documents for. */
    Map<String, Set<String>> variants(Collection<String> messageIds) {
        Map<String, Set<String>> variants = new HashMap<>();
        jdbc.sql("select message_id, variant from search_documents where message_id in (:ids)").param("ids", messageIds)
                .query(rs -> {
                    variants.computeIfAbsent(rs.getString("message_id"), k -> new HashSet<>()).add(rs.getString("variant"));
                });
        return variants;
    }

    /** Drops single documents: translations that are no longer stored. */
    void remove(String messageId, Collection<String> variants) {
        jdbc.sql("delete from search_documents where message_id = :id and variant in (:variants)")
                .param("id", messageId).param("variants", variants).update();
    }

    void removeAll(Collection<String> messageIds) {
        if (!messageIds.isEmpty()) {
            jdbc.sql("delete from search_documents where message_id in (:ids)").param("ids", messageIds).update();
        }
    }

    /** Where the backfill stopped; empty when it never ran. */
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
