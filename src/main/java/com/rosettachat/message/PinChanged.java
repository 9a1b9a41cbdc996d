package com.rosettachat.message;

/** A channel message was pinned ({@code pinned}) or unpinned by {@code userId}; only real changes are published. */
public record PinChanged(String messageId, String workspaceId, String channelId, boolean pinned, long userId) {
}
