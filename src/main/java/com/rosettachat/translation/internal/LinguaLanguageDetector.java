package com.rosettachat.translation.internal;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.rosettachat.translation.LanguageDetector;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;

/**
 * Lingua restricted to the five supported languages, built once with its models preloaded,
 * behind rules for what statistics cannot decide (docs/language-detection.md):
 * <ol>
 * <li>Protected spans (code, links, mentions, emails, emoji) are not language: they are removed first.</li>
 * <li>Letters are counted by script, a Han or kana character weighing {@value #CJK_WEIGHT} letters
 * (it carries about a word). No letters, or no script holding {@value #DOMINANT_SHARE} of the
 * weight (mixed text), or a script none of our languages uses: the sender's language.</li>
 * <li>Han and kana: any kana makes it Japanese; Han alone is Chinese, except fewer than
 * {@value #SHORT_HAN} characters from a Japanese sender ({@code 了解}, {@code 会議室}), which
 * Japanese write too.</li>
 * <li>Latin script (English or Indonesian): fewer than {@value #MIN_LATIN_LETTERS} letters is too
 * short ({@code ok}, {@code lol}, {@code thanks}); otherwise Lingua decides, unless the runner-up's
 * confidence is within {@value #AMBIGUOUS_RATIO} of the winner's.</li>
 * </ol>
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    static final int CJK_WEIGHT = 3;
    static final double DOMINANT_SHARE = 0.6;
    static final int SHORT_HAN = 4;
    static final int MIN_LATIN_LETTERS = 8;
    static final double AMBIGUOUS_RATIO = 0.9;

    private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.CHINESE, "zh-CN",
            Language.JAPANESE, "ja", Language.THAI, "th", Language.INDONESIAN, "id");

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    public LinguaLanguageDetector(boolean lowAccuracy) {
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(CODES.keySet().toArray(Language[]::new))
                .withPreloadedLanguageModels();
        lingua = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
    }

    @Override
    public String detect(String text, String fallbackLanguage) {
        String fallback = com.rosettachat.shared.Language.fromCode(fallbackLanguage).isPresent() ? fallbackLanguage
                : com.rosettachat.shared.Language.DEFAULT;
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String words = ProtectedSpans.strip(text);
        Scripts scripts = Scripts.count(words);
        int cjk = CJK_WEIGHT * (scripts.han + scripts.kana);
        int total = scripts.latin + scripts.thai + cjk + scripts.other;
        if (total == 0) {
            return fallback;
        }
        int dominant = Math.max(Math.max(scripts.latin, scripts.thai), Math.max(cjk, scripts.other));
        if (dominant < DOMINANT_SHARE * total || dominant == scripts.other) {
            return fallback;
        }
        if (dominant == cjk) {
            if (scripts.kana > 0) {
                return "ja";
            }
            return scripts.han < SHORT_HAN && fallback.equals("ja") ? "ja" : "zh-CN";
        }
        if (dominant == scripts.latin && scripts.latin < MIN_LATIN_LETTERS) {
            return fallback;
        }
        return lingua(words, fallback);
    }

    private String lingua(String words, String fallback) {
        SortedMap<Language, Double> confidences = lingua.computeLanguageConfidenceValues(words);
        Iterator<Map.Entry<Language, Double>> ranked = confidences.entrySet().iterator();
        if (!ranked.hasNext()) {
            return fallback;
        }
        Map.Entry<Language, Double> best = ranked.next();
        if (ranked.hasNext() && ranked.next().getValue() >= AMBIGUOUS_RATIO * best.getValue()) {
            return fallback;
        }
        return CODES.getOrDefault(best.getKey(), fallback);
    }

    /** Letters per script. */
    private static final class Scripts {
        int latin;
        int thai;
        int han;
        int kana;
        int other;

        static Scripts count(String text) {
            Scripts s = new Scripts();
            text.codePoints().filter(Character::isLetter).forEach(cp -> {
                switch (Character.UnicodeScript.of(cp)) {
                    case LATIN -> s.latin++;
                    case THAI -> s.thai++;
                    case HAN -> s.han++;
                    case HIRAGANA, KATAKANA -> s.kana++;
                    case COMMON, INHERITED -> { } // the long-vowel mark ー and the like: no language of their own
                    default -> s.other++;
                }
            });
            return s;
        }
    }
}
