package com.rosettachat.message;

/**
 * Published in the posting transaction; translation, push and realtime react to it after commit
 * through Spring Modulith's event registry, so nothing is lost if the process dies.
 */
public record MessagePosted(String messageId, String workspaceId, String channelId, String conversationId,
                            String parentMessageId, String senderType, Long senderUserId, String senderGuestId) {
}
