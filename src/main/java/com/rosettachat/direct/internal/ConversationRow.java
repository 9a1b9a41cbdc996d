package com.rosettachat.direct.internal;

import java.time.Instant;

/** A stored pair; {@code userLow} is the smaller user id. */
public record ConversationRow(String id, long userLow, long userHigh, Instant lastMessageAt, Instant createdAt) {

    public long other(long userId) {
        return userId == userLow ? userHigh : userLow;
    }

    public boolean includes(long userId) {
        return userId == userLow || userId == userHigh;
    }
}
