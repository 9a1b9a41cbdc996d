package com.rosettachat.translation.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A text whose protected spans became tokens: {@code template} holds {@code ⟦n⟧} where
 * {@code spans.get(n - 1)} was, byte for byte.
 */
public record MaskedText(String template, List<String> spans) {

    /**
     * The translated template with each token replaced by its span, or empty when the translation
     * lost, duplicated or invented a token: a corrupted text must never reach a reader.
     */
    public Optional<String> restore(String translatedTemplate) {
        int[] seen = new int[spans.size()];
        StringBuilder out = new StringBuilder(translatedTemplate.length() + 64);
        Matcher m = ProtectedSpans.TOKEN.matcher(translatedTemplate);
        int position = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > spans.size() || seen[n - 1]++ > 0) {
                return Optional.empty();
            }
            out.append(translatedTemplate, position, m.start()).append(spans.get(n - 1));
            position = m.end();
        }
        for (int count : seen) {
            if (count != 1) {
                return Optional.empty();
            }
        }
        return Optional.of(out.append(translatedTemplate, position, translatedTemplate.length()).toString());
    }
}
