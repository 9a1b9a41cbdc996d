package com.rosettachat.message;

/** A reader added ({@code added}) or removed an emoji reaction; only real changes are published. */
public record ReactionChanged(String messageId, String workspaceId, String channelId, String conversationId,
                              String emoji, long userId, boolean added) {
}
