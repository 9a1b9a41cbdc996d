package com.rosettachat.message;

import java.util.Collection;

/**
 * What messages need from translation, implemented by the translation module (which depends on
 * this one, not the other way round). Without an implementation nothing is translated and the
 * sender's language stands for the text's.
 */
public interface TranslationSupport {

    /** The language of {@code text}; {@code fallback} when the text is too short or mixed to tell. */
    String detect(String text, String fallback);

    /** Whether a provider is configured, i.e. whether new messages start as {@code pending}. */
    boolean enabled();

    /** Readers found no translation in {@code language} for these messages: queue what is missing. */
    void requestMissing(Collection<String> messageIds, String language);
}
