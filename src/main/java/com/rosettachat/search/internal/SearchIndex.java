package com.rosettachat.search.internal;

import java.time.Instant;
import java.util.List;

/**
 * Where the terms of each document live and how a query finds them: a term table on H2
 * ({@link TermTableIndex}), a GIN-indexed tsvector on PostgreSQL ({@link TsvectorIndex}). Both
 * rank by how often the query's terms occur, ties by recency (newer first), and page by keyset.
 */
interface SearchIndex {

    String ORIGINAL = "original";

    /** One searchable text: a message's original ({@link #ORIGINAL}) or its translation into {@code variant}. */
    record Document(String messageId, String variant, String workspaceId, String channelId, Long senderUserId,
                    Instant createdAt) {
    }

    /** A message that matched, the variant it matched best in, and its score. */
    record Hit(String messageId, String variant, Number score) {
    }

    /** Where the previous page stopped: results rank strictly after ({@code score}, {@code messageId}). */
    record After(Number score, String messageId) {
    }

    /**
     * Every term in {@code terms} must occur in one variant (the original, or the translation
     * into {@code language}); only {@code channelIds} of {@code workspaceId}; optional filters are null.
     */
    record Query(String workspaceId, List<String> channelIds, String language, List<String> terms, Long senderUserId,
                 String beforeId, String afterId, Instant beforeTime, Instant afterTime, After after, int limit) {
    }

    /** Writes the document's row and replaces its terms (in text order). */
    void write(Document document, List<String> terms);

    /** Up to {@code query.limit()} hits, best first. */
    List<Hit> search(Query query);

    /** The score as a cursor carried it; IllegalArgumentException when it is not one of this index's scores. */
    Number parseScore(String score);
}
