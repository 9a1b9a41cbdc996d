package com.rosettachat.search.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text to search terms, the same way for every language: ICU word segmentation (Unicode rules,
 * dictionaries for Thai, Lao, Khmer, Burmese), then Chinese and Japanese runs as overlapping
 * character pairs, then NFKC case folding (so {@code ＡＢＣ} finds {@code abc} and half-width
 * katakana finds full-width). Pairs instead of dictionary words make a Chinese or Japanese query
 * match wherever its characters stand together, whatever the surrounding sentence.
 */
final class Segmenter {

    /** Longer terms (URLs, hashes) are cut here, on both sides, so they still match each other. */
    static final int MAX_TERM_CHARS = 64;
    /** A query's terms beyond this many are ignored; every term kept must match. */
    static final int MAX_QUERY_TERMS = 32;

    record Token(String term, int start, int end) {
    }

    /**
     * The index side also keeps each CJK character on its own, so a one-character query (猫)
     * finds it; the query side asks for pairs whenever it has two characters in a row.
     */
    private static final Analyzer INDEX = analyzer(true);
    private static final Analyzer QUERY = analyzer(false);

    private Segmenter() {
    }

    /** Every term of a stored text, in order, with its offsets in the text (for highlighting). */
    static List<Token> index(String text) {
        return tokens(INDEX, text);
    }

    /** The distinct terms of a query, in order; empty for punctuation or symbols only. */
    static List<String> query(String query) {
        Set<String> terms = new LinkedHashSet<>();
        for (Token t : tokens(QUERY, query)) {
            if (terms.size() == MAX_QUERY_TERMS) {
                break;
            }
            terms.add(t.term());
        }
        return List.copyOf(terms);
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(truncate(term.toString()), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader never fails
        }
        return tokens;
    }

    private static String truncate(String term) {
        if (term.length() <= MAX_TERM_CHARS) {
            return term;
        }
        int end = Character.isHighSurrogate(term.charAt(MAX_TERM_CHARS - 1)) ? MAX_TERM_CHARS - 1 : MAX_TERM_CHARS;
        return term.substring(0, end);
    }

    private static Analyzer analyzer(boolean unigrams) {
        return new Analyzer() {
            /** Before segmenting, so half-width ﾌﾟ (two characters) is already プ (one) when pairs are made. */
            @Override
            protected Reader initReader(String field, Reader reader) {
                return new ICUNormalizer2CharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN
                        | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams));
            }
        };
    }
}
