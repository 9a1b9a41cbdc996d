package com.rosettachat.message.internal;

import com.rosettachat.message.HistoryQuery;
import com.rosettachat.message.MessageScope;
import com.rosettachat.shared.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for messages, their attachments and their translations. */
@Repository
public class MessageStore {

    private static final String COLUMNS = """
            m.id, m.workspace_id, m.channel_id, m.conversation_id, m.parent_message_id, m.type, m.sender_type,
            m.sender_user_id, m.sender_ref, m.sender_name, m.content, m.original_language, m.translation_status,
            m.skip_translation, m.reply_count, m.edited_at, m.deleted_at, m.created_at""";
    /** The viewer's translation rides along in the page query itself: no query per message. */
    private static final String SELECT = "select " + COLUMNS + ", t.content as translated_content from messages m"
            + " left join message_translations t on t.message_id = m.id and t.language = :language";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MessageRow m) {
        jdbc.sql("""
                insert into messages (id, workspace_id, channel_id, conversation_id, parent_message_id, type,
                    sender_type, sender_user_id, sender_ref, sender_name, content, original_language,
                    translation_status, skip_translation, reply_count, created_at)
                values (:id, :workspace, :channel, :conversation, :parent, :type, :senderType, :senderUser,
                    :senderRef, :senderName, :content, :language, :status, :skip, 0, :created)""")
                .param("id", m.id()).param("workspace", m.workspaceId()).param("channel", m.channelId())
                .param("conversation", m.conversationId()).param("parent", m.parentMessageId())
                .param("type", m.type()).param("senderType", m.senderType()).param("senderUser", m.senderUserId())
                .param("senderRef", m.senderRef()).param("senderName", m.senderName()).param("content", m.content())
                .param("language", m.originalLanguage()).param("status", m.translationStatus())
                .param("skip", m.skipTranslation()).param("created", Timestamps.toDb(m.createdAt()))
                .update();
    }

    public void insertAttachments(List<AttachmentRow> attachments) {
        for (AttachmentRow a : attachments) {
            jdbc.sql("""
                    insert into message_attachments (id, message_id, file_id, position, client_name, mime_type, size)
                    values (:id, :message, :file, :position, :name, :mime, :size)""")
                    .param("id", a.id()).param("message", a.messageId()).param("file", a.fileId())
                    .param("position", a.position()).param("name", a.clientName()).param("mime", a.mimeType())
                    .param("size", a.size()).update();
        }
    }

    public void incrementReplies(String parentId) {
        jdbc.sql("update messages set reply_count = reply_count + 1 where id = :id").param("id", parentId).update();
    }

    public Optional<MessageRow> find(String id, String language) {
        return jdbc.sql(SELECT + " where m.id = :id").param("language", language).param("id", id)
                .query(MessageStore::map).optional();
    }

    public List<MessageRow> findAll(Collection<String> ids, String language) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.id in (:ids) order by m.id").param("language", language)
                .param("ids", ids).query(MessageStore::map).list();
    }

    /** The newest message of each conversation, in one query. */
    public List<MessageRow> latestPerConversation(Collection<String> conversationIds, String language) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.id in (select max(id) from messages where conversation_id in (:ids)"
                        + " group by conversation_id)")
                .param("language", language).param("ids", conversationIds).query(MessageStore::map).list();
    }

    /**
     * One page, fetched with one indexed range scan: {@code limit + 1} rows tell whether more lie
     * beyond. Walking backwards (the newest page, or before a cursor) reads descending; the caller
     * puts the page back in chronological order.
     */
    public List<MessageRow> page(MessageScope scope, HistoryQuery query, String language, boolean backwards) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("language", language);
        if (query.parentMessageId() != null) {
            sql.append("m.parent_message_id = :parent");
            params.put("parent", query.parentMessageId());
        } else if (scope instanceof MessageScope.Channel channel) {
            sql.append("m.channel_id = :channel and m.parent_message_id is null");
            params.put("channel", channel.channelId());
        } else {
            sql.append("m.conversation_id = :conversation");
            params.put("conversation", ((MessageScope.Conversation) scope).conversationId());
        }
        if (query.before() != null) {
            sql.append(" and m.id < :before");
            params.put("before", query.before());
        }
        if (query.after() != null) {
            sql.append(" and m.id > :after");
            params.put("after", query.after());
        }
        sql.append(backwards ? " order by m.id desc" : " order by m.id asc").append(" limit :limit");
        params.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString()).params(params).query(MessageStore::map).list();
    }

    public Map<String, List<AttachmentRow>> attachments(Collection<String> messageIds) {
        Map<String, List<AttachmentRow>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        jdbc.sql("""
                select id, message_id, file_id, position, client_name, mime_type, size from message_attachments
                where message_id in (:ids) order by message_id, position""")
                .param("ids", messageIds).query(MessageStore::mapAttachment).list()
                .forEach(a -> byMessage.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        return byMessage;
    }

    public Optional<AttachmentRow> findAttachment(String id) {
        return jdbc.sql("select id, message_id, file_id, position, client_name, mime_type, size from message_attachments where id = :id")
                .param("id", id).query(MessageStore::mapAttachment).optional();
    }

    /** Writes or replaces the translation of one message into one language. */
    public void saveTranslation(String messageId, String language, String content, Instant now) {
        int updated = jdbc.sql("update message_translations set content = :content, created_at = :now where message_id = :id and language = :language")
                .param("content", content).param("now", Timestamps.toDb(now)).param("id", messageId)
                .param("language", language).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into message_translations (message_id, language, content, created_at) values (:id, :language, :content, :now)")
                        .param("id", messageId).param("language", language).param("content", content)
                        .param("now", Timestamps.toDb(now)).update();
            } catch (DuplicateKeyException raced) {
                saveTranslation(messageId, language, content, now);
            }
        }
    }

    public List<String> translatedLanguages(String messageId) {
        return jdbc.sql("select language from message_translations where message_id = :id")
                .param("id", messageId).query(String.class).list();
    }

    public void updateStatus(String messageId, String status) {
        jdbc.sql("update messages set translation_status = :status where id = :id")
                .param("status", status).param("id", messageId).update();
    }

    private static MessageRow map(ResultSet rs, int row) throws SQLException {
        Long senderUser = rs.getObject("sender_user_id", Long.class);
        return new MessageRow(rs.getString("id"), rs.getString("workspace_id"), rs.getString("channel_id"),
                rs.getString("conversation_id"), rs.getString("parent_message_id"), rs.getString("type"),
                rs.getString("sender_type"), senderUser, rs.getString("sender_ref"),
                rs.getString("sender_name"), rs.getString("content"), rs.getString("original_language"),
                rs.getString("translation_status"), rs.getBoolean("skip_translation"), rs.getInt("reply_count"),
                Timestamps.fromDb(rs, "edited_at"), Timestamps.fromDb(rs, "deleted_at"),
                Timestamps.fromDb(rs, "created_at"), rs.getString("translated_content"));
    }

    private static AttachmentRow mapAttachment(ResultSet rs, int row) throws SQLException {
        return new AttachmentRow(rs.getString("id"), rs.getString("message_id"), rs.getString("file_id"),
                rs.getInt("position"), rs.getString("client_name"), rs.getString("mime_type"), rs.getLong("size"));
    }
}
