package com.rosettachat.translation.internal;

import com.rosettachat.shared.time.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL for the translation memory. Values are translated templates (tokens, not spans). Two nodes
 * translating the same new text at once both insert; {@code on conflict do nothing} (PostgreSQL,
 * and H2 in PostgreSQL mode) keeps the first without an error or an aborted transaction.
 */
public class TranslationMemory {

    /** A remembered translation and who made it. */
    public record Entry(String text, String provider) {
    }

    private final JdbcClient jdbc;

    public TranslationMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The remembered translations of one template into any of {@code targets}, by target. */
    public Map<String, Entry> find(String source, String hash, Collection<String> targets) {
        Map<String, Entry> found = new HashMap<>();
        if (targets.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select target_language, translated_text, provider from translation_memory
                where source_language = :source and text_hash = :hash and target_language in (:targets)""")
                .param("source", source).param("hash", hash).param("targets", targets)
                .query((rs, n) -> found.put(rs.getString(1), new Entry(rs.getString(2), rs.getString(3))))
                .list();
        return found;
    }

    public void save(String source, String target, String hash, Entry entry, Instant now) {
        jdbc.sql("""
                insert into translation_memory (source_language, target_language, text_hash, translated_text, provider, created_at)
                values (:source, :target, :hash, :text, :provider, :created)
                on conflict do nothing""")
                .param("source", source).param("target", target).param("hash", hash)
                .param("text", entry.text()).param("provider", entry.provider())
                .param("created", Timestamps.toDb(now))
                .update();
    }
}
