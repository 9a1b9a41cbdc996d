package com.rosettachat.search.internal;

import java.time.Instant;

/**
 * A validated search: the query text, optional filters (null when absent) and the page. A bound is
 * a message id or an instant, exclusive either way.
 */
public record SearchRequest(String query, String channelId, Long senderUserId, Bound before, Bound after,
                            String cursor, int limit) {

    public static final int MAX_QUERY = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    public record Bound(String messageId, Instant time) {
    }
}
