package com.rosettachat.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2's index (db/vendor/h2): one {@code search_terms} row per (term, document) holding the term's
 * frequency. A query walks the postings of its rarest term, keeps the documents that hold every
 * other term too (primary-key lookups) and scores a document by the summed frequencies.
 */
final class TermTableIndex implements SearchIndex {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TermTableIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void write(List<Entry> entries) {
        List<MapSqlParameterSource> documents = new ArrayList<>(entries.size());
        List<MapSqlParameterSource> terms = new ArrayList<>();
        for (Entry e : entries) {
            documents.add(DocumentStore.params(e.document()));
            Map<String, Integer> frequencies = new LinkedHashMap<>();
            e.terms().forEach(t -> frequencies.merge(t, 1, Integer::sum));
            frequencies.forEach((term, tf) -> terms.add(DocumentStore.params(e.document())
                    .addValue("term", term).addValue("tf", tf)));
        }
        MapSqlParameterSource[] rows = documents.toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                merge into search_documents (message_id, variant, workspace_id, channel_id, sender_user_id, created_at)
                key (message_id, variant) values (:id, :variant, :workspace, :channel, :sender, :created)""", rows);
        batch.batchUpdate("delete from search_terms where message_id = :id and variant = :variant", rows);
        batch.batchUpdate("""
                insert into search_terms (workspace_id, term, message_id, variant, channel_id, sender_user_id,
                    created_at, tf)
                values (:workspace, :term, :id, :variant, :channel, :sender, :created, :tf)""",
                terms.toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public List<Hit> newest(Query q, int window) {
        // The rarest term drives: its postings are walked, the others looked up by primary key.
        Map<String, Long> postings = new LinkedHashMap<>();
        jdbc.sql("select term, count(*) as n from search_terms where workspace_id = :workspace and term in (:terms)"
                        + " group by term")
                .param("workspace", q.workspaceId()).param("terms", q.terms())
                .query(rs -> {
                    postings.put(rs.getString("term"), rs.getLong("n"));
                });
        if (postings.size() < q.terms().size()) {
            return List.of(); // a term nobody wrote
        }
        List<String> terms = new ArrayList<>(q.terms());
        terms.sort(Comparator.comparing(postings::get));
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder score = new StringBuilder("t.tf");
        StringBuilder joins = new StringBuilder();
        for (int i = 1; i < terms.size(); i++) {
            score.append(" + t").append(i).append(".tf");
            joins.append(" join search_terms t%1$d on t%1$d.workspace_id = t.workspace_id and t%1$d.term = :term%1$d"
                    .formatted(i) + " and t%1$d.message_id = t.message_id and t%1$d.variant = t.variant".formatted(i));
            params.put("term" + i, terms.get(i));
        }
        StringBuilder sql = new StringBuilder("select t.message_id, t.variant, " + score + " as score from search_terms t"
                + joins + " " + """
                 where t.workspace_id = :workspace and t.term = :driver and t.channel_id in (:channels)
                    and t.variant in ('original', cast(:language as varchar(8)))""");
        params.put("workspace", q.workspaceId());
        params.put("driver", terms.get(0));
        params.put("channels", q.channelIds());
        params.put("language", q.language());
        SearchFilters.append(q, "t", sql, params);
        sql.append(" order by t.message_id desc limit :window");
        params.put("window", window);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Hit(rs.getString("message_id"), rs.getString("variant"), rs.getLong("score")))
                .list();
    }
}
