package com.rosettachat.message;

/**
 * A reader's unread state of one channel or conversation: messages after their read marker, those
 * of them that mention the reader, and the marker itself (null before their first read).
 */
public record ReadState(long unreadCount, long mentionCount, String lastReadMessageId) {
}
