package com.rosettachat.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks an index's matches: each message once, by the variant that matched best (on a tie the
 * translation, which is what the reader reads), then by score, newest first on ties; keyset paging
 * after a cursor's (score, message id).
 */
final class SearchRanking {

    /** Where the previous page stopped: results rank strictly after it. */
    record After(double score, String messageId) {
    }

    private static final Comparator<SearchIndex.Hit> ORDER = Comparator.comparingDouble(SearchIndex.Hit::score).reversed()
            .thenComparing(SearchIndex.Hit::messageId, Comparator.reverseOrder());

    private SearchRanking() {
    }

    /** Up to {@code limit} hits after {@code after} (null: from the top), best first. */
    static List<SearchIndex.Hit> page(List<SearchIndex.Hit> matches, After after, int limit) {
        Map<String, SearchIndex.Hit> best = new LinkedHashMap<>();
        for (SearchIndex.Hit hit : matches) {
            best.merge(hit.messageId(), hit, (a, b) -> a.score() != b.score() ? (a.score() > b.score() ? a : b)
                    : SearchIndex.ORIGINAL.equals(a.variant()) ? b : a);
        }
        List<SearchIndex.Hit> ranked = new ArrayList<>(best.values());
        if (after != null) {
            ranked.removeIf(h -> h.score() > after.score()
                    || (h.score() == after.score() && h.messageId().compareTo(after.messageId()) >= 0));
        }
        ranked.sort(ORDER);
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }
}
