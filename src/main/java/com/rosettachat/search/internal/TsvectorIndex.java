package com.rosettachat.search.internal;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    /**
     * The window is filled from the newest documents backwards, a time slice at a time (each reaching
     * this far back from the workspace's newest document, the last one unbounded): a slice's GIN
     * matches are intersected with its id range before any row is read, so a common word reads about
     * a window's worth of rows instead of all its matches.
     */
    private static final List<Duration> SLICES = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofDays(180));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TsvectorIndex(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void write(List<Entry> entries) {
        batch.batchUpdate("""
                insert into search_documents (message_id, variant, workspace_id, channel_id, sender_user_id, created_at,
                    terms)
                values (:id, :variant, :workspace, :channel, :sender, :created, cast(:terms as tsvector))
                on conflict (message_id, variant) do update set workspace_id = excluded.workspace_id,
                    channel_id = excluded.channel_id, sender_user_id = excluded.sender_user_id,
                    created_at = excluded.created_at, terms = excluded.terms""",
                entries.stream().map(e -> DocumentStore.params(e.document()).addValue("terms", vector(e.terms())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public List<Hit> newest(Query q, int window) {
        String newest = jdbc.sql("select max(message_id) from search_documents where workspace_id = :workspace")
                .param("workspace", q.workspaceId()).query(String.class).list().get(0); // max() of nothing is one null row
        List<Hit> hits = new ArrayList<>();
        if (newest == null) {
            return hits;
        }
        long origin = Ulid.getTime(newest);
        String upper = null;
        for (int slice = 0; slice <= SLICES.size() && hits.size() < window; slice++) {
            String lower = slice == SLICES.size() ? null
                    : Ulid.min(Math.max(0, origin - SLICES.get(slice).toMillis())).toString().toLowerCase();
            hits.addAll(slice(q, lower, upper, window - hits.size()));
            upper = lower;
        }
        return hits;
    }

    /** The newest {@code take} matches with {@code lower < message_id <= upper} (null: unbounded). */
    private List<Hit> slice(Query q, String lower, String upper, int take) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                select d.message_id, d.variant, ts_rank(d.terms, cast(:query as tsquery)) as score
                from search_documents d
                where d.workspace_id = :workspace and d.channel_id in (:channels)
                    and d.variant in ('original', :language) and d.terms @@ cast(:query as tsquery)""");
        params.put("workspace", q.workspaceId());
        params.put("channels", q.channelIds());
        params.put("language", q.language());
        params.put("query", q.terms().stream().map(TsvectorIndex::lexeme).collect(Collectors.joining(" & ")));
        if (lower != null) {
            sql.append(" and d.message_id > :lower");
            params.put("lower", lower);
        }
        if (upper != null) {
            sql.append(" and d.message_id <= :upper");
            params.put("upper", upper);
        }
        SearchFilters.append(q, "d", sql, params);
        sql.append(" order by d.message_id desc limit :take");
        params.put("take", take);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Hit(rs.getString("message_id"), rs.getString("variant"), rs.getFloat("score")))
                .list();
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
