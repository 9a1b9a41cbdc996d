package com.rosettachat.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's index (db/vendor/postgresql): {@code search_documents.terms}, a tsvector under a
 * GIN index. Lexemes and the query are written as tsvector/tsquery literals rather than through
 * {@code to_tsvector}, whose parser would split our segmented terms again by its own rules;
 * positions carry term frequency, which {@code ts_rank} counts.
 */
final class TsvectorIndex implements SearchIndex {

    /** tsvector limits: positions above 16383 are clamped, at most 256 are kept per lexeme. */
    private static final int MAX_POSITION = 16_383;
    private static final int MAX_POSITIONS_PER_LEXEME = 256;

    private final JdbcClient jdbc;
    private final DocumentStore documents;

    TsvectorIndex(JdbcClient jdbc, DocumentStore documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    @Override
    public void write(Document d, List<String> terms) {
        documents.upsert(d, vector(terms));
    }

    @Override
    public List<Hit> search(Query q) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("""
                d.workspace_id = :workspace and d.channel_id in (:channels)
                and d.variant in ('original', :language) and d.terms @@ q.query""");
        params.put("workspace", q.workspaceId());
        params.put("channels", q.channelIds());
        params.put("language", q.language());
        params.put("query", q.terms().stream().map(TsvectorIndex::lexeme).collect(Collectors.joining(" & ")));
        SearchFilters.append(q, "d", where, params);
        // Each message once, with its best variant; on a tie the translation, which is what the reader reads.
        StringBuilder sql = new StringBuilder("""
                select message_id, variant, score from (
                    select d.message_id, d.variant, ts_rank(d.terms, q.query) as score,
                        row_number() over (partition by d.message_id
                            order by ts_rank(d.terms, q.query) desc, d.variant = 'original') as best
                    from search_documents d, (select cast(:query as tsquery) as query) q
                    where %s) m
                where best = 1""".formatted(where));
        if (q.after() != null) {
            sql.append(" and (score < :afterScore or (score = :afterScore and message_id < :afterMessage))");
            params.put("afterScore", q.after().score().floatValue());
            params.put("afterMessage", q.after().messageId());
        }
        sql.append(" order by score desc, message_id desc limit :limit");
        params.put("limit", q.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Hit(rs.getString("message_id"), rs.getString("variant"), rs.getFloat("score")))
                .list();
    }

    @Override
    public Number parseScore(String score) {
        float value = Float.parseFloat(score);
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(score);
        }
        return value;
    }

    /** {@code 'term':1,4 'other':2 ...}: every term verbatim, with the positions it occurs at. */
    static String vector(List<String> terms) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            List<Integer> at = positions.computeIfAbsent(terms.get(i), k -> new ArrayList<>());
            if (at.size() < MAX_POSITIONS_PER_LEXEME) {
                at.add(Math.min(i + 1, MAX_POSITION));
            }
        }
        StringBuilder vector = new StringBuilder();
        positions.forEach((term, at) -> {
            if (!vector.isEmpty()) {
                vector.append(' ');
            }
            vector.append(lexeme(term)).append(':')
                    .append(at.stream().distinct().map(String::valueOf).collect(Collectors.joining(",")));
        });
        return vector.toString();
    }

    /** A quoted lexeme: inside quotes only the quote and the backslash need escaping. */
    private static String lexeme(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
