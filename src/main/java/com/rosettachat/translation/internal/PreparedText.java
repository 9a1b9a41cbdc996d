package com.rosettachat.translation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text made ready for the memory and the providers. Its protected spans are masked first (so
 * code keeps its bytes), then the rest is normalised: NFC, line breaks to {@code \n}, runs of
 * spaces and tabs to one space, every line and the whole text trimmed. Two texts that normalise
 * to the same template share one memory entry, keyed by the SHA-256 hex of the template. The
 * template is sent line by line ({@code segments}), so no provider can merge or drop line breaks;
 * a line with no letters (only tokens, digits, punctuation) is never sent.
 */
public record PreparedText(MaskedText masked, String template, String hash, List<String> segments) {

    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[ \\t\\u00A0\\u000B\\f]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?");

    public static PreparedText of(String text) {
        MaskedText masked = ProtectedSpans.mask(text);
        String template = normalise(masked.template());
        return new PreparedText(masked, template, sha256(template), List.of(template.split("\n", -1)));
    }

    static String normalise(String template) {
        String nfc = Normalizer.normalize(template, Normalizer.Form.NFC);
        String[] lines = LINE_BREAK.matcher(nfc).replaceAll("\n").split("\n", -1);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(HORIZONTAL_SPACE.matcher(lines[i]).replaceAll(" ").strip());
        }
        return out.toString().strip();
    }

    /** True for a line worth sending to a provider: it has a letter outside the tokens. */
    public static boolean translatable(String segment) {
        String words = ProtectedSpans.TOKEN.matcher(segment).replaceAll("");
        return words.codePoints().anyMatch(Character::isLetter);
    }

    /** Nothing but protected spans, digits and punctuation: every reader gets the text as it is. */
    public boolean nothingToTranslate() {
        return segments.stream().noneMatch(PreparedText::translatable);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
