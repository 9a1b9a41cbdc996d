package com.rosettachat.message;

/**
 * A message became a tombstone (soft delete): its text, translations, attachments, reactions and
 * pin are gone, its thread replies stay. Published in the deleting transaction; {@code
 * deletedByUserId} is the sender or the workspace owner/admin who removed it.
 */
public record MessageDeleted(String messageId, String workspaceId, String channelId, String conversationId,
                             String parentMessageId, long deletedByUserId) {
}
