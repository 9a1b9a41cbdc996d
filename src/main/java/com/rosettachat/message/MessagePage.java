package com.rosettachat.message;

import java.util.List;

/** One history page in chronological order, with the cursors of CONTRACT §6. */
public record MessagePage(List<Message> data, Meta meta) {

    public record Meta(boolean hasMore, String nextBefore, String nextAfter) {
    }
}
