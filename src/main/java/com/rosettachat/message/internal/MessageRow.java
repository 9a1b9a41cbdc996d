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
                         Instant createdAt, Instant pinnedAt, Long pinnedBy, boolean firstPassDone,
                         String translatedContent) {


    /** Whether {@code userId} wrote this message (as themselves or through an automation token). */
    public boolean sentBy(long userId) {
        return senderUserId != null && senderUserId == userId;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
