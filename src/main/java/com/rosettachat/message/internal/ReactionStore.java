package com.rosettachat.message.internal;

import com.rosettachat.message.Message;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for message_reactions: one row per (message, emoji, user). */
@Repository
public class ReactionStore {

    private final JdbcClient jdbc;

    ReactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the user had that reaction already. */
    public boolean add(String messageId, String emoji, long userId, Instant at) {
        return jdbc.sql("""
                insert into message_reactions (id, message_id, emoji, user_id, created_at)
                values (:id, :message, :emoji, :user, :at)
                on conflict do nothing""")
                .param("id", Ids.next()).param("message", messageId).param("emoji", emoji).param("user", userId)
                .param("at", Timestamps.toDb(at)).update() == 1;
    }

    /** False when the user had no such reaction. */
    public boolean remove(String messageId, String emoji, long userId) {
        return jdbc.sql("delete from message_reactions where message_id = :message and emoji = :emoji and user_id = :user")
                .param("message", messageId).param("emoji", emoji).param("user", userId).update() > 0;
    }

    /**
     * The reactions of a page of messages in one grouped query: per message, each emoji with its
     * count and whether {@code viewerUserId} chose it, in the order the emoji was first used.
     */
    public Map<String, List<Message.Reaction>> forMessages(Collection<String> messageIds, Long viewerUserId) {
        Map<String, List<Message.Reaction>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        jdbc.sql("""
                select message_id, emoji, count(*) as n, min(id) as first_id,
                       max(case when user_id = :viewer then 1 else 0 end) as mine
                from message_reactions where message_id in (:ids)
                group by message_id, emoji order by message_id, first_id""")
                .param("viewer", viewerUserId == null ? -1L : viewerUserId).param("ids", messageIds)
                .query((rs, row) -> {
                    byMessage.computeIfAbsent(rs.getString("message_id"), k -> new ArrayList<>())
                            .add(new Message.Reaction(rs.getString("emoji"), rs.getInt("n"), rs.getInt("mine") == 1));
                    return null;
                }).list();
        return byMessage;
    }
}
