package com.rosettachat.search.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.rosettachat.message.Message;
import java.util.List;

/** One page of results, best first: {@code {"data": [...], "meta": {"next_cursor", "has_more"}}}. */
public record SearchPage(List<Result> data, Meta meta) {

    /**
     * The message as the caller reads it (CONTRACT §6) plus where it matched: {@code highlight} is
     * the matching text, HTML-escaped, with the matched words in {@code <mark>}; {@code
     * highlight_source} says whether that text is the {@code original} or the {@code translated}
     * one, {@code highlight_language} its language.
     */
    public record Result(@JsonUnwrapped Message message, String highlight, String highlightSource,
                         String highlightLanguage) {
    }

    public record Meta(String nextCursor, boolean hasMore) {
    }

    static SearchPage empty() {
        return new SearchPage(List.of(), new Meta(null, false));
    }
}
