package com.rosettachat.message.internal;

import com.rosettachat.message.Message;
import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that changes stored messages after posting: edits, tombstones and pins. */
@Repository
public class MessageChangeStore {

    private final JdbcClient jdbc;

    MessageChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** New text and language; the translations of the old text go in the same transaction. */
    public void edit(String id, String content, String language, String status, Instant editedAt) {
        jdbc.sql("""
                update messages set content = :content, original_language = :language, translation_status = :status,
                                    edited_at = :editedAt
                where id = :id""")
                .param("content", content).param("language", language).param("status", status)
                .param("editedAt", Timestamps.toDb(editedAt)).param("id", id).update();
        jdbc.sql("delete from message_translations where message_id = :id").param("id", id).update();
    }

    /**
     * Empties the message into a tombstone: text, translations, attachments, reactions and pin go;
     * the row (and so its thread) stays. Returns the ids of the files it had attached.
     */
    public List<String> tombstone(String id, Instant deletedAt) {
        List<String> files = jdbc.sql("select file_id from message_attachments where message_id = :id order by position")
                .param("id", id).query(String.class).list();
        jdbc.sql("""
                update messages set content = '', translation_status = :skipped, first_pass_done = true,
                                    pinned_at = null, pinned_by = null, deleted_at = :deletedAt
                where id = :id""")
                .param("skipped", Message.SKIPPED).param("deletedAt", Timestamps.toDb(deletedAt)).param("id", id)
                .update();
        for (String table : List.of("message_translations", "message_attachments", "message_reactions", "message_mentions")) {
            jdbc.sql("delete from " + table + " where message_id = :id").param("id", id).update();
        }
        return files;
    }

    /** A deleted reply no longer counts among its parent's replies. */
    public void decrementReplies(String parentId) {
        jdbc.sql("update messages set reply_count = reply_count - 1 where id = :id and reply_count > 0")
                .param("id", parentId).update();
    }

    /** False when the message was pinned already (or is a tombstone). */
    public boolean pin(String id, long userId, Instant at) {
        return jdbc.sql("""
                update messages set pinned_at = :at, pinned_by = :user
                where id = :id and pinned_at is null and deleted_at is null""")
                .param("at", Timestamps.toDb(at)).param("user", userId).param("id", id).update() > 0;
    }

    /** False when the message was not pinned. */
    public boolean unpin(String id) {
        return jdbc.sql("update messages set pinned_at = null, pinned_by = null where id = :id and pinned_at is not null")
                .param("id", id).update() > 0;
    }

    public long pinCount(String channelId) {
        return jdbc.sql("select count(*) from messages where channel_id = :channel and pinned_at is not null")
                .param("channel", channelId).query(Long.class).single();
    }
}
