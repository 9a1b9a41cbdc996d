package com.rosettachat.search.internal;

import java.time.Instant;
import java.util.List;

/**
 * Where the terms of each document live and how a query finds them: a term table on H2
 * ({@link TermTableIndex}), a GIN-indexed tsvector on PostgreSQL ({@link TsvectorIndex}). Either
 * answers with the newest matching documents and a term-frequency score for each;
 * {@link SearchRanking} ranks them.
 */
interface SearchIndex {

    String ORIGINAL = "original";

    /** One searchable text: a message's original ({@link #ORIGINAL}) or its translation into {@code variant}. */
    record Document(String messageId, String variant, String workspaceId, String channelId, Long senderUserId,
                    Instant createdAt) {
    }

    /** A document and its terms in text order. */
    record Entry(Document document, List<String> terms) {
    }

    /** A matching document and how well it matches: higher is better. */
    record Hit(String messageId, String variant, double score) {
    }

    /**
     * Every term in {@code terms} must occur in one variant (the original, or the translation
     * into {@code language}); only {@code channelIds} of {@code workspaceId}; optional filters are null.
     */
    record Query(String workspaceId, List<String> channelIds, String language, List<String> terms, Long senderUserId,
                 String beforeId, String afterId, Instant beforeTime, Instant afterTime) {
    }

    /** Writes the documents' rows and replaces their terms; the caller holds their messages' locks. */
    void write(List<Entry> entries);

    /**
     * The newest {@code window} matching documents (fewer when fewer match), newest first. Bounding
     * the window bounds what a query for a very common word costs.
     */
    List<Hit> newest(Query query, int window);
}
