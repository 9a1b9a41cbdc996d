package com.rosettachat.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The matched text as HTML: every stretch that produced a query term wrapped in {@code <mark>},
 * everything else escaped, so a client can show it as it is. Overlapping CJK pairs (会議, 議室)
 * merge into one mark.
 */
final class Highlighter {

    private Highlighter() {
    }

    static String mark(String text, Collection<String> queryTerms) {
        if (text == null) {
            return null;
        }
        Set<String> wanted = new HashSet<>(queryTerms);
        List<int[]> spans = new ArrayList<>();
        for (Segmenter.Token t : Segmenter.index(text)) {
            if (!wanted.contains(t.term())) {
                continue;
            }
            int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && t.start() < last[1]) {
                last[1] = Math.max(last[1], t.end());
            } else {
                spans.add(new int[] {t.start(), t.end()});
            }
        }
        StringBuilder html = new StringBuilder(text.length() + spans.size() * 13);
        int at = 0;
        for (int[] span : spans) {
            escape(text, at, span[0], html);
            html.append("<mark>");
            escape(text, span[0], span[1], html);
            html.append("</mark>");
            at = span[1];
        }
        escape(text, at, text.length(), html);
        return html.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
