package com.rosettachat.search.internal;

import com.rosettachat.shared.time.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2's index (db/vendor/h2): one {@code search_terms} row per (term, document) holding the term's
 * frequency. A query reads the primary-key range of each term, keeps the documents that hold all
 * of them and scores a document by the summed frequencies.
 */
final class TermTableIndex implements SearchIndex {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final DocumentStore documents;

    TermTableIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DocumentStore documents) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.documents = documents;
    }

    @Override
    public void write(Document d, List<String> terms) {
        documents.upsert(d, null);
        jdbc.sql("delete from search_terms where message_id = :id and variant = :variant")
                .param("id", d.messageId()).param("variant", d.variant()).update();
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        terms.forEach(t -> frequencies.merge(t, 1, Integer::sum));
        List<MapSqlParameterSource> rows = new ArrayList<>(frequencies.size());
        frequencies.forEach((term, tf) -> rows.add(new MapSqlParameterSource()
                .addValue("workspace", d.workspaceId()).addValue("term", term).addValue("id", d.messageId())
                .addValue("variant", d.variant()).addValue("channel", d.channelId())
                .addValue("sender", d.senderUserId()).addValue("created", Timestamps.toDb(d.createdAt()))
                .addValue("tf", tf)));
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into search_terms (workspace_id, term, message_id, variant, channel_id, sender_user_id,
                        created_at, tf)
                    values (:workspace, :term, :id, :variant, :channel, :sender, :created, :tf)""",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    @Override
    public List<Hit> search(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("""
                t.workspace_id = :workspace and t.term in (:terms) and t.channel_id in (:channels)
                and t.variant in ('original', cast(:language as varchar(8)))""");
        params.put("workspace", q.workspaceId());
        params.put("terms", q.terms());
        params.put("channels", q.channelIds());
        params.put("language", q.language());
        params.put("n", q.terms().size());
        SearchFilters.append(q, "t", where, params);
        // Per message: the score of each variant that holds every term (0 when it misses one).
        String perMessage = """
                select t.message_id,
                    case when count(case when t.variant = 'original' then 1 end) = :n
                        then sum(case when t.variant = 'original' then t.tf else 0 end) else 0 end as original_score,
                    case when count(case when t.variant <> 'original' then 1 end) = :n
                        then sum(case when t.variant <> 'original' then t.tf else 0 end) else 0 end as translated_score
                from search_terms t where %s
                group by t.message_id""".formatted(where);
        StringBuilder sql = new StringBuilder("""
                select message_id, greatest(original_score, translated_score) as score,
                    case when translated_score >= original_score then cast(:language as varchar(8)) else 'original' end as variant
                from (%s) m where greatest(original_score, translated_score) > 0""".formatted(perMessage));
        if (q.after() != null) {
            sql.append(" and (greatest(original_score, translated_score) < :afterScore"
                    + " or (greatest(original_score, translated_score) = :afterScore and message_id < :afterMessage))");
            params.put("afterScore", q.after().score().longValue());
            params.put("afterMessage", q.after().messageId());
        }
        sql.append(" order by score desc, message_id desc limit :limit");
        params.put("limit", q.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Hit(rs.getString("message_id"), rs.getString("variant"), rs.getLong("score")))
                .list();
    }

    @Override
    public Number parseScore(String score) {
        return Long.parseLong(score);
    }
}
