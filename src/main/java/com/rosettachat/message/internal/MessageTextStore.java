package com.rosettachat.message.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL behind {@link com.rosettachat.message.MessageTexts}: translations in bulk and id walks. */
@Repository
public class MessageTextStore {

    private final JdbcClient jdbc;

    MessageTextStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored translations by message id, then language. */
    public Map<String, Map<String, String>> translations(Collection<String> messageIds) {
        Map<String, Map<String, String>> byMessage = new HashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        jdbc.sql("select message_id, language, content from message_translations where message_id in (:ids)")
                .param("ids", messageIds)
                .query(rs -> {
                    byMessage.computeIfAbsent(rs.getString("message_id"), k -> new HashMap<>())
                            .put(rs.getString("language"), rs.getString("content"));
                });
        return byMessage;
    }

    public List<String> channelMessageIdsAfter(String afterId, int limit) {
        return jdbc.sql("select id from messages where id > :after and channel_id is not null order by id limit :limit")
                .param("after", afterId == null ? "" : afterId).param("limit", limit).query(String.class).list();
    }
}
