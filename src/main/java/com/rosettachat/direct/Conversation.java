package com.rosettachat.direct;

import com.rosettachat.message.Message;

/**
 * A conversation as its caller sees it: the other participant, the latest message in the caller's
 * language, and the caller's unread state (messages after their read marker, mentions of them among
 * those, and the marker: null before their first read).
 */
public record Conversation(String id, Participant participant, Message lastMessage, String lastMessageAt,
                           long unreadCount, long mentionCount, String lastReadMessageId, String createdAt) {
}
