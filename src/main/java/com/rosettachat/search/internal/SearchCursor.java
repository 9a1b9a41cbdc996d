package com.rosettachat.search.internal;

import com.rosettachat.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor}: where a page ended, as (score, message id). Clients pass it back
 * unchanged with the same query; its format may change between versions.
 */
final class SearchCursor {

    private SearchCursor() {
    }

    static String encode(SearchIndex.Hit last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.score() + ":" + last.messageId()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or IllegalArgumentException for anything this server did not hand out. */
    static SearchRanking.After decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = raw.lastIndexOf(':');
        String id = colon < 0 ? null : raw.substring(colon + 1);
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("no message id");
        }
        double score = Double.parseDouble(raw.substring(0, colon));
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("not a score");
        }
        return new SearchRanking.After(score, id.toLowerCase());
    }
}
