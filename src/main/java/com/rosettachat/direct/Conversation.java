package com.rosettachat.direct;

import com.rosettachat.message.Message;

/** A conversation as its caller sees it: the other participant and the latest message in the caller's language. */
public record Conversation(String id, Participant participant, Message lastMessage, String lastMessageAt,
                           String createdAt) {
}
