package com.rosettachat.message;

/**
 * A history request: at most {@code limit} messages older than {@code before} and/or newer than
 * {@code after}; the newest page when neither is given. {@code parentMessageId} lists a thread.
 */
public record HistoryQuery(String before, String after, int limit, String parentMessageId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
}
