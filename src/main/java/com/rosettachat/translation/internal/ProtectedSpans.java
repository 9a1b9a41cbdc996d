package com.rosettachat.translation.internal;

import com.rosettachat.shared.Emoji;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what no provider may translate (CONTRACT §3): fenced code blocks, inline code, URLs,
 * {@code <@id>} mentions, email addresses and emoji (ZWJ sequences, skin tones, flags, keycaps),
 * and replaces each with a numbered token {@code ⟦n⟧}. Text that already looks like a token is
 * protected too, so a token in the result always means one of ours. Emoji are scanned by hand
 * because {@code \p{IsEmoji}} needs Java 21 and the server runs on 17.
 */
public final class ProtectedSpans {

    public static final Pattern TOKEN = Pattern.compile("⟦\\s*(\\d{1,4})\\s*⟧");

    // URL characters stop at CJK and Thai letters and full-width punctuation: chat text glues
    // links to the words around them ("看这个https://x.io/a很好").
    private static final String URL_CHARS = "[^\\s<>\"`\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}\\u3000-\\u303F\\uFF00-\\uFFEF]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern SPANS = Pattern.compile(String.join("|",
            "(?<fence>```[\\s\\S]*?(?:```|\\z))",
            "(?<code>``(?:[^`\\n]|`(?!`))+?``|`[^`\\n]+`)",
            "(?<url>(?:(?<![\\w.])(?:https?|ftp)://|(?<![\\w.])www\\.)" + URL_CHARS + "+)",
            "(?<email>(?<![\\w.%+-])[A-Za-z0-9._%+-]+@" + LABEL + "(?:\\." + LABEL + ")*\\.[A-Za-z]{2,}(?![\\w-]))",
            "(?<mention><@[A-Za-z0-9_.-]{1,64}>)",
            "(?<token>" + TOKEN.pattern() + ")"));
    private static final String URL_TRAILING = ".,;:!?'\")]}*";

    private ProtectedSpans() {
    }

    /** The text with every protected span replaced by {@code ⟦1⟧}, {@code ⟦2⟧}, ... in order. */
    public static MaskedText mask(String text) {
        StringBuilder template = new StringBuilder(text.length());
        List<String> spans = new ArrayList<>();
        scan(text, new Sink() {
            @Override
            public void text(int from, int to) {
                template.append(text, from, to);
            }

            @Override
            public void span(int from, int to) {
                spans.add(text.substring(from, to));
                template.append('⟦').append(spans.size()).append('⟧');
            }
        });
        return new MaskedText(template.toString(), List.copyOf(spans));
    }

    /** The text with every protected span replaced by a space: what the language detector should read. */
    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        scan(text, new Sink() {
            @Override
            public void text(int from, int to) {
                out.append(text, from, to);
            }

            @Override
            public void span(int from, int to) {
                out.append(' ');
            }
        });
        return out.toString();
    }

    private interface Sink {
        void text(int from, int to);

        void span(int from, int to);
    }

    private static void scan(String text, Sink sink) {
        Matcher m = SPANS.matcher(text);
        int position = 0;
        int searchFrom = 0;
        while (searchFrom < text.length() && m.find(searchFrom)) {
            int start = m.start();
            int end = m.group("url") != null ? trimUrl(text, start, m.end()) : m.end();
            emoji(text, position, start, sink);
            sink.span(start, end);
            position = end;
            searchFrom = end;
        }
        emoji(text, position, text.length(), sink);
    }

    /** Sentence punctuation after a link is not part of it; a closing bracket is when the link opened one. */
    private static int trimUrl(String text, int start, int end) {
        while (end > start + 1 && URL_TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
            char last = text.charAt(end - 1);
            if (last == ')' && count(text, start, end, '(') >= count(text, start, end, ')')) {
                break;
            }
            end--;
        }
        return end;
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Passes {@code [from, to)} to the sink, with each run of emoji as one span. */
    private static void emoji(String text, int from, int to, Sink sink) {
        int plain = from;
        int i = from;
        while (i < to) {
            int end = Emoji.sequenceEnd(text, i, to);
            if (end < 0) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            while (end < to) {
                int next = Emoji.sequenceEnd(text, end, to);
                if (next < 0) {
                    break;
                }
                end = next;
            }
            if (plain < i) {
                sink.text(plain, i);
            }
            sink.span(i, end);
            plain = end;
            i = end;
        }
        if (plain < to) {
            sink.text(plain, to);
        }
    }
}
