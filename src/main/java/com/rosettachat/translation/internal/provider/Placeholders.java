package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.internal.ProtectedSpans;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each service carries our {@code ⟦n⟧} tokens. DeepL parses XML and leaves tags it is told
 * to ignore ({@code tag_handling=xml}, {@code ignore_tags=x}); Google and LibreTranslate parse
 * HTML and leave {@code translate="no"} elements alone; an LLM reads the tokens as they are.
 * Markup styles escape the text around the tokens and unescape the answer, so a literal
 * {@code <} or {@code &} in a message can never turn into markup.
 */
public enum Placeholders {

    /** {@code <x id="1"/>} */
    XML(Pattern.compile("<x\\s+id\\s*=\\s*[\"']?(\\d{1,4})[\"']?\\s*/>|<x\\s+id\\s*=\\s*[\"']?(\\d{1,4})[\"']?\\s*>\\s*</x>")) {
        @Override
        String wrap(String n) {
            return "<x id=\"" + n + "\"/>";
        }
    },
    /** {@code <span translate="no">⟦1⟧</span>} */
    HTML(Pattern.compile("<span\\b[^>]*>\\s*⟦\\s*(\\d{1,4})\\s*⟧\\s*</span>|⟦\\s*(\\d{1,4})\\s*⟧")) {
        @Override
        String wrap(String n) {
            return "<span translate=\"no\">⟦" + n + "⟧</span>";
        }
    },
    /** {@code ⟦1⟧} */
    TOKEN(ProtectedSpans.TOKEN) {
        @Override
        String wrap(String n) {
            return "⟦" + n + "⟧";
        }
    };

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00A0");

    private final Pattern wire;

    Placeholders(Pattern wire) {
        this.wire = wire;
    }

    abstract String wrap(String n);

    /** A template in this style's wire form. */
    public String encode(String template) {
        if (this == TOKEN) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        Matcher m = ProtectedSpans.TOKEN.matcher(template);
        int position = 0;
        while (m.find()) {
            out.append(escape(template.substring(position, m.start()))).append(wrap(m.group(1)));
            position = m.end();
        }
        return out.append(escape(template.substring(position))).toString();
    }

    /** A service's answer back as a template with {@code ⟦n⟧} tokens; leftover markup is dropped. */
    public String decode(String answer) {
        if (this == TOKEN) {
            return answer;
        }
        StringBuilder out = new StringBuilder(answer.length());
        Matcher m = wire.matcher(answer);
        int position = 0;
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            out.append(unescape(answer.substring(position, m.start()))).append('⟦').append(n).append('⟧');
            position = m.end();
        }
        return out.append(unescape(answer.substring(position))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        String noTags = TAG.matcher(text).replaceAll("");
        if (noTags.indexOf('&') < 0) {
            return noTags;
        }
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder out = new StringBuilder(noTags.length());
        while (m.find()) {
            String entity = m.group(1);
            String value;
            if (entity.startsWith("#")) {
                boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
                int cp = Integer.parseInt(hex ? entity.substring(2) : entity.substring(1), hex ? 16 : 10);
                value = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            } else {
                value = NAMED.getOrDefault(entity, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
