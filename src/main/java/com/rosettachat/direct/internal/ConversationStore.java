package com.rosettachat.direct.internal;

import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for direct_conversations; the unique (user_low, user_high) pair makes "one per pair" hold under races. */
@Repository
public class ConversationStore {

    private static final String COLUMNS = "id, user_low, user_high, last_message_at, created_at";

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ConversationRow row) {
        jdbc.sql("insert into direct_conversations (id, user_low, user_high, created_at) values (:id, :low, :high, :created)")
                .param("id", row.id()).param("low", row.userLow()).param("high", row.userHigh())
                .param("created", Timestamps.toDb(row.createdAt())).update();
    }

    public Optional<ConversationRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from direct_conversations where id = :id")
                .param("id", id).query(ConversationStore::map).optional();
    }

    public Optional<ConversationRow> findPair(long low, long high) {
        return jdbc.sql("select " + COLUMNS + " from direct_conversations where user_low = :low and user_high = :high")
                .param("low", low).param("high", high).query(ConversationStore::map).optional();
    }

    /** The user's conversations, most recent activity first. */
    public List<ConversationRow> forUser(long userId) {
        return jdbc.sql("select " + COLUMNS + " from direct_conversations where user_low = :user or user_high = :user"
                        + " order by coalesce(last_message_at, created_at) desc, id desc")
                .param("user", userId).query(ConversationStore::map).list();
    }

    public void touch(String id, Instant at) {
        jdbc.sql("update direct_conversations set last_message_at = :at where id = :id")
                .param("at", Timestamps.toDb(at)).param("id", id).update();
    }

    private static ConversationRow map(ResultSet rs, int row) throws SQLException {
        return new ConversationRow(rs.getString("id"), rs.getLong("user_low"), rs.getLong("user_high"),
                Timestamps.fromDb(rs, "last_message_at"), Timestamps.fromDb(rs, "created_at"));
    }
}
