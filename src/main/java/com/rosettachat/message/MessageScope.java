package com.rosettachat.message;

/** Where a message lives: a workspace channel or a direct conversation. */
public sealed interface MessageScope {

    static MessageScope channel(String workspaceId, String channelId) {
        return new Channel(workspaceId, channelId);
    }

    static MessageScope conversation(String conversationId) {
        return new Conversation(conversationId);
    }

    record Channel(String workspaceId, String channelId) implements MessageScope {
    }

    record Conversation(String conversationId) implements MessageScope {
    }
}
