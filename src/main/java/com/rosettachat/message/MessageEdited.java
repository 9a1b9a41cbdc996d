package com.rosettachat.message;

/**
 * A message's text was changed by its sender; published in the editing transaction. Its old
 * translations are already gone and its status is {@code pending} again (or {@code skipped}), so
 * translation re-runs, search re-indexes and realtime sends {@code message.updated}. Push is not
 * repeated for an edit.
 */
public record MessageEdited(String messageId, String workspaceId, String channelId, String conversationId,
                            String parentMessageId, long editorUserId) {
}
