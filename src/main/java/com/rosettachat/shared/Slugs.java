package com.rosettachat.shared;

import com.rosettachat.shared.error.ValidationException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * URL slugs made from display names ("Équipe Paris" → "equipe-paris"), and the next free variant
 * when one is taken ("equipe-paris-2"), as clients expect from Slack-like workspaces and channels.
 */
public final class Slugs {

    public static final String TAKEN = "The slug has already been taken.";

    private Slugs() {
    }

    /**
     * Inserts a record under a unique slug and returns it: the client's {@code chosen} slug (422
     * on {@code slug} when taken), or else one made from {@code name}, with the first free suffix.
     * {@code insert} returns false when the slug turned out taken (an insert that does nothing on
     * conflict, so the transaction stays usable); {@code existing} lists the slugs like a base.
     */
    public static String insertUnique(String chosen, String name, String fallback, int maxLength,
                                      Function<String, Collection<String>> existing, Predicate<String> insert) {
        if (chosen != null) {
            if (!insert.test(chosen)) {
                throw ValidationException.of("slug", TAKEN);
            }
            return chosen;
        }
        String base = from(name, maxLength, fallback);
        Set<String> taken = new HashSet<>(existing.apply(base));
        while (true) {
            String slug = firstFree(base, taken, maxLength);
            if (insert.test(slug)) {
                return slug;
            }
            taken.add(slug); // someone took it between the read and the insert
        }
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
