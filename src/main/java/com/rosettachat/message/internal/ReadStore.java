package com.rosettachat.message.internal;

import com.rosettachat.message.Mentions;
import com.rosettachat.message.Message;
import com.rosettachat.shared.time.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read markers and mentions, and the unread counts made of them. Nothing here is written when a
 * message is posted but one mention row per mentioned user; counts are read from the messages
 * themselves, after each reader's marker, so they are right however many post at once.
 */
@Repository
public class ReadStore {

    /** Lists longer than this are counted in several statements, keeping each one's parameters bounded. */
    private static final int CHUNK = 500;
    private static final int MAX_MENTIONS = 100;

    /** Where a scope's markers live and which messages count in it. */
    public enum Scope {
        /** Top-level messages only: threads have no read state of their own yet. */
        CHANNEL("channel_reads", "channel_id", "m.channel_id = v.scope_id and m.parent_message_id is null"),
        CONVERSATION("conversation_reads", "conversation_id", "m.conversation_id = v.scope_id");

        final String table;
        final String column;
        final String messages;

        Scope(String table, String column, String messages) {
            this.table = table;
            this.column = column;
            this.messages = messages;
        }
    }

    /** One scope's numbers. */
    public record Counts(long unread, long mentions) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final boolean postgres;

    ReadStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Moves the user's marker to {@code messageId} unless it is there or further already; true
     * when it moved. Each statement only ever moves forward, so racing reads keep the newest.
     */
    public boolean markRead(Scope scope, long userId, String scopeId, String messageId, Instant at) {
        if (forward(scope, userId, scopeId, messageId, at)) {
            return true;
        }
        int inserted = jdbc.sql("insert into " + scope.table + " (user_id, " + scope.column + ", last_read_message_id, read_at)"
                        + " values (:user, :scope, :message, :at) on conflict do nothing")
                .param("user", userId).param("scope", scopeId).param("message", messageId)
                .param("at", Timestamps.toDb(at)).update();
        // Not inserted: a marker exists (at or past the message, or moved by a racing read just now).
        return inserted == 1 || forward(scope, userId, scopeId, messageId, at);
    }

    private boolean forward(Scope scope, long userId, String scopeId, String messageId, Instant at) {
        return jdbc.sql("update " + scope.table + " set last_read_message_id = :message, read_at = :at"
                        + " where user_id = :user and " + scope.column + " = :scope and last_read_message_id < :message")
                .param("message", messageId).param("at", Timestamps.toDb(at)).param("user", userId)
                .param("scope", scopeId).update() > 0;
    }

    /** The user's markers in these scopes; scopes never read are absent. */
    public Map<String, String> markers(Scope scope, long userId, Collection<String> scopeIds) {
        Map<String, String> markers = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(scopeIds))) {
            jdbc.sql("select " + scope.column + " as scope_id, last_read_message_id from " + scope.table
                            + " where user_id = :user and " + scope.column + " in (:ids)")
                    .param("user", userId).param("ids", chunk)
                    .query((rs, row) -> markers.put(rs.getString("scope_id"), rs.getString("last_read_message_id")))
                    .list();
        }
        return markers;
    }

    /**
     * Unread and mention counts after each scope's marker ({@code markerByScope}: scope id to the
     * position counted from), in one statement per {@value #CHUNK} scopes. Each count is one range
     * scan of the page index from the marker on: the cost grows with the unread messages, not with
     * the history. Tombstones, system messages and the user's own messages never count.
     */
    public Map<String, Counts> counts(Scope scope, long userId, Map<String, String> markerByScope) {
        if (!postgres || markerByScope.isEmpty()) {
            return countAll(scope, userId, markerByScope);
        }
        // PostgreSQL cannot know how far the markers are from the newest messages, so it estimates a
        // third of each channel and, past 100,000 cost units (200 channels of 500 messages), spends
        // 10-40 ms compiling the plan with JIT to save microseconds. Measured in bench/unread-channels.sh.
        return readOnly.execute(tx -> {
            jdbc.sql("set local jit = off").update();
            return countAll(scope, userId, markerByScope);
        });
    }

    private Map<String, Counts> countAll(Scope scope, long userId, Map<String, String> markerByScope) {
        Map<String, Counts> counts = new LinkedHashMap<>();
        List<Map.Entry<String, String>> entries = new ArrayList<>(markerByScope.entrySet());
        for (List<Map.Entry<String, String>> chunk : chunks(entries)) {
            StringBuilder values = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            params.put("user", userId);
            params.put("system", Message.SYSTEM);
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(cast(:s").append(i).append(" as char(26)), cast(:m")
                        .append(i).append(" as char(26)))");
                params.put("s" + i, chunk.get(i).getKey());
                params.put("m" + i, chunk.get(i).getValue());
            }
            jdbc.sql("select v.scope_id,"
                            + " (select count(*) from messages m where " + scope.messages + " and m.id > v.marker"
                            + " and m.deleted_at is null and m.type <> :system"
                            + " and (m.sender_user_id is null or m.sender_user_id <> :user)) as unread,"
                            + " (select count(*) from message_mentions mm where mm.user_id = :user"
                            + " and mm.scope_id = v.scope_id and mm.message_id > v.marker) as mentions"
                            + " from (values " + values + ") as v(scope_id, marker)")
                    .params(params)
                    .query((rs, row) -> counts.put(rs.getString("scope_id"), new Counts(rs.getLong("unread"),
                            rs.getLong("mentions"))))
                    .list();
        }
        return counts;
    }

    /**
     * Records whom a new top-level message mentions: one row per mentioned user but its sender, at
     * most {@value #MAX_MENTIONS} (a text of ten thousand characters could name two thousand).
     */
    public void addMentions(String messageId, String scopeId, Set<Long> mentioned, Long senderUserId) {
        List<Long> users = mentioned.stream().filter(u -> !u.equals(senderUserId)).limit(MAX_MENTIONS).toList();
        for (Long user : users) {
            jdbc.sql("insert into message_mentions (user_id, scope_id, message_id) values (:user, :scope, :message)")
                    .param("user", user).param("scope", scopeId).param("message", messageId).update();
        }
    }

    /** An edited message mentions whom its new text mentions. */
    public void replaceMentions(String messageId, String scopeId, String content, Long senderUserId) {
        jdbc.sql("delete from message_mentions where message_id = :id").param("id", messageId).update();
        addMentions(messageId, scopeId, Mentions.userIds(content), senderUserId);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
