package com.rosettachat.message.internal;

import java.time.Instant;

/**
 * A messages row as stored; {@code translatedContent} is the viewer's translation when the query
 * asked for one.
 */
public record MessageRow(String id, String workspaceId, String channelId, String conversationId,
                         String parentMessageId, String type, String senderType, Long senderUserId, String senderRef,
                         String senderName, String content, String originalLanguage, String translationStatus,
                         boolean skipTranslation, int replyCount, Instant editedAt, Instant deletedAt,
                         Instant createdAt, String translatedContent) {

    public MessageRow withTranslation(String translated) {
        return new MessageRow(id, workspaceId, channelId, conversationId, parentMessageId, type, senderType,
                senderUserId, senderRef, senderName, content, originalLanguage, translationStatus, skipTranslation,
                replyCount, editedAt, deletedAt, createdAt, translated);
    }
}
