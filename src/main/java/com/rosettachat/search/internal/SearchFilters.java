package com.rosettachat.search.internal;

import com.rosettachat.shared.time.Timestamps;
import java.util.Map;

/** The optional filters of a query as SQL conditions, shared by both indexes (their columns have the same names). */
final class SearchFilters {

    private SearchFilters() {
    }

    /** Appends " and ..." for each filter set on {@code q}, columns of {@code alias}, and their parameters. */
    static void append(SearchIndex.Query q, String alias, StringBuilder sql, Map<String, Object> params) {
        if (q.senderUserId() != null) {
            sql.append(" and ").append(alias).append(".sender_user_id = :sender");
            params.put("sender", q.senderUserId());
        }
        if (q.beforeId() != null) {
            sql.append(" and ").append(alias).append(".message_id < :beforeId");
            params.put("beforeId", q.beforeId());
        }
        if (q.afterId() != null) {
            sql.append(" and ").append(alias).append(".message_id > :afterId");
            params.put("afterId", q.afterId());
        }
        if (q.beforeTime() != null) {
            sql.append(" and ").append(alias).append(".created_at < :beforeTime");
            params.put("beforeTime", Timestamps.toDb(q.beforeTime()));
        }
        if (q.afterTime() != null) {
            sql.append(" and ").append(alias).append(".created_at > :afterTime");
            params.put("afterTime", Timestamps.toDb(q.afterTime()));
        }
    }
}
