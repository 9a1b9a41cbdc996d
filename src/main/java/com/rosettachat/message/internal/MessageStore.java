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
            m.skip_translation, m.reply_count, m.edited_at, m.deleted_at, m.created_at, m.pinned_at, m.pinned_by,
            m.first_pass_done""";
    /**
     * The viewer's translation rides along in the page query itself: no query per message. A
     * scalar subquery rather than a join, so that it runs for the rows the limit keeps: with a
     * join PostgreSQL's generic plan joined the whole channel before limiting (60 ms a page).
     */
    private static final String SELECT = "select " + COLUMNS + ", (select t.content from message_translations t"
            + " where t.message_id = m.id and t.language = :language) as translated_content from messages m";

    private final JdbcClient jdbc;

    MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MessageRow m) {
        jdbc.sql("""
                insert into messages (id, workspace_id, channel_id, conversation_id, parent_message_id, type,
                    sender_type, sender_user_id, sender_ref, sender_name, content, original_language,
                    translation_status, skip_translation, reply_count, created_at, first_pass_done)
                values (:id, :workspace, :channel, :conversation, :parent, :type, :senderType, :senderUser,
                    :senderRef, :senderName, :content, :language, :status, :skip, 0, :created, :firstPassDone)""")
                .param("id", m.id()).param("workspace", m.workspaceId()).param("channel", m.channelId())
                .param("conversation", m.conversationId()).param("parent", m.parentMessageId())
                .param("type", m.type()).param("senderType", m.senderType()).param("senderUser", m.senderUserId())
                .param("senderRef", m.senderRef()).param("senderName", m.senderName()).param("content", m.content())
                .param("language", m.originalLanguage()).param("status", m.translationStatus())
                .param("skip", m.skipTranslation()).param("created", Timestamps.toDb(m.createdAt()))
                .param("firstPassDone", m.firstPassDone()).update();
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

    /**
     * The message, its row locked until the transaction ends: an edit or delete and a translation
     * being stored for the old text then happen one after the other, never interleaved.
     */
    public Optional<MessageRow> lock(String id) {
        return jdbc.sql("select " + COLUMNS + ", null as translated_content from messages m where m.id = :id for update")
                .param("id", id).query(MessageStore::map).optional();
    }

    /** A channel's pinned messages, newest pin first. */
    public List<MessageRow> pinned(String channelId, String language) {
        return jdbc.sql(SELECT + " where m.channel_id = :channel and m.pinned_at is not null"
                        + " order by m.pinned_at desc, m.id desc")
                .param("language", language).param("channel", channelId).query(MessageStore::map).list();
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

    /**
     * Writes or replaces the translation of one message into one language, provided the message
     * still holds {@code translatedFrom}; returns whether it was stored.
     */
    public boolean saveTranslationOf(String messageId, String language, String content, String translatedFrom,
                                     Instant now) {
        // The caller's transaction holds the message row from here on, so an edit waits for this save
        // (and then removes it) or has committed before it (and this refuses): a translation of an old
        // text is never left behind as current. Each statement checks the source again as well.
        boolean current = jdbc.sql("select id from messages where id = :id and content = :source and deleted_at is null"
                        + " for update").param("id", messageId).param("source", translatedFrom)
                .query(String.class).optional().isPresent();
        if (!current) {
            return false;
        }
        String stillSays = " exists (select 1 from messages m where m.id = :id and m.content = :source and m.deleted_at is null)";
        int updated = jdbc.sql("update message_translations set content = :content, created_at = :now"
                        + " where message_id = :id and language = :language and" + stillSays)
                .param("content", content).param("now", Timestamps.toDb(now)).param("id", messageId)
                .param("language", language).param("source", translatedFrom).update();
        if (updated > 0) {
            return true;
        }
        try {
            return jdbc.sql("insert into message_translations (message_id, language, content, created_at)"
                            + " select cast(:id as char(26)), cast(:language as varchar(8)), cast(:content as text),"
                            + " cast(:now as timestamp with time zone) from messages where id = :id and" + stillSays)
                    .param("id", messageId).param("language", language).param("content", content)
                    .param("now", Timestamps.toDb(now)).param("source", translatedFrom).update() > 0;
        } catch (DuplicateKeyException raced) {
            return saveTranslationOf(messageId, language, content, translatedFrom, now);
        }
    }

    public List<String> withStatus(String status, Instant postedBefore, int limit) {
        return jdbc.sql("select id from messages where translation_status = :status and created_at < :before order by id limit :limit")
                .param("status", status).param("before", Timestamps.toDb(postedBefore)).param("limit", limit)
                .query(String.class).list();
    }

    public List<String> translatedLanguages(String messageId) {
        return jdbc.sql("select language from message_translations where message_id = :id")
                .param("id", messageId).query(String.class).list();
    }

    /**
     * Settles the status of a translation of {@code translatedFrom}, which also ends the first pass;
     * false (and nothing changed) when the message has been edited or deleted meanwhile.
     */
    public boolean settleStatus(String messageId, String status, String translatedFrom) {
        return jdbc.sql("""
                update messages set translation_status = :status, first_pass_done = true
                where id = :id and content = :source and deleted_at is null""")
                .param("status", status).param("id", messageId).param("source", translatedFrom).update() > 0;
    }

    private static MessageRow map(ResultSet rs, int row) throws SQLException {
        Long senderUser = rs.getObject("sender_user_id", Long.class);
        return new MessageRow(rs.getString("id"), rs.getString("workspace_id"), rs.getString("channel_id"),
                rs.getString("conversation_id"), rs.getString("parent_message_id"), rs.getString("type"),
                rs.getString("sender_type"), senderUser, rs.getString("sender_ref"),
                rs.getString("sender_name"), rs.getString("content"), rs.getString("original_language"),
                rs.getString("translation_status"), rs.getBoolean("skip_translation"), rs.getInt("reply_count"),
                Timestamps.fromDb(rs, "edited_at"), Timestamps.fromDb(rs, "deleted_at"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "pinned_at"),
                rs.getObject("pinned_by", Long.class), rs.getBoolean("first_pass_done"), rs.getString("translated_content"));
    }

    private static AttachmentRow mapAttachment(ResultSet rs, int row) throws SQLException {
        return new AttachmentRow(rs.getString("id"), rs.getString("message_id"), rs.getString("file_id"),
                rs.getInt("position"), rs.getString("client_name"), rs.getString("mime_type"), rs.getLong("size"));
    }
}
