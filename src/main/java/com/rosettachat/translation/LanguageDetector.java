package com.rosettachat.translation;

/** Detects the language a message is written in, among the supported ones. Thread-safe. */
public interface LanguageDetector {

    /**
     * The language code of {@code text}, or {@code fallbackLanguage} (the sender's language) when
     * the text is too short, mixed, or in none of the supported languages. An unsupported or null
     * fallback becomes {@code en}.
     */
    String detect(String text, String fallbackLanguage);
}
