package com.rosettachat.shared;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/**
 * URL slugs made from display names ("Équipe Paris" → "equipe-paris"), and the next free variant
 * when one is taken ("equipe-paris-2"), as clients expect from Slack-like workspaces and channels.
 */
public final class Slugs {

    private Slugs() {
    }

    /** ASCII letters, digits and dashes from {@code name}; {@code fallback} when nothing is left (a name in Thai). */
    public static String from(String name, int maxLength, String fallback) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        String slug = trimDashes(ascii.length() > maxLength ? ascii.substring(0, maxLength) : ascii);
        return slug.isEmpty() ? fallback : slug;
    }

    /** {@code base} itself when free, else {@code base-2}, {@code base-3}, ... cut so that it fits {@code maxLength}. */
    public static String firstFree(String base, Collection<String> taken, int maxLength) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String head = base.length() + suffix.length() > maxLength
                    ? trimDashes(base.substring(0, maxLength - suffix.length())) : base;
            String candidate = head + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** A LIKE pattern (escape {@code !}) matching {@code base} and every {@code base-N} variant. */
    public static String variantsPattern(String base) {
        return base.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
