package com.rosettachat.message;

import java.util.Set;

/**
 * Published in the posting transaction; translation, push and realtime react to it after commit
 * through Spring Modulith's event registry, so nothing is lost if the process dies.
 */
public record MessagePosted(String messageId, String workspaceId, String channelId, String conversationId,
                            String parentMessageId, String senderType, Long senderUserId, String senderGuestId,
                            Set<Long> mentionedUserIds) {

    public MessagePosted {
        mentionedUserIds = mentionedUserIds == null ? Set.of() : Set.copyOf(mentionedUserIds);
    }

    /** Whether anyone but the channel's readers at large has a reason to be told (push). */
    public boolean addressesSomeone() {
        return conversationId != null || parentMessageId != null || !mentionedUserIds.isEmpty();
    }
}
