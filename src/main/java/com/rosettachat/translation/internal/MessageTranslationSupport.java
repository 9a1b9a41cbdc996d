package com.rosettachat.translation.internal;

import com.rosettachat.message.TranslationSupport;
import com.rosettachat.translation.LanguageDetector;
import com.rosettachat.translation.TranslationEngine;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** What the message module asks of translation: detection at posting time, and healing on reading. */
@Component
class MessageTranslationSupport implements TranslationSupport {

    private final LanguageDetector detector;
    private final TranslationEngine engine;
    private final TranslationWorker worker;

    MessageTranslationSupport(LanguageDetector detector, TranslationEngine engine, TranslationWorker worker) {
        this.detector = detector;
        this.engine = engine;
        this.worker = worker;
    }

    @Override
    public String detect(String text, String fallback) {
        return detector.detect(text, fallback);
    }

    @Override
    public boolean enabled() {
        return engine.enabled();
    }

    @Override
    public void requestMissing(Collection<String> messageIds, String language) {
        if (engine.enabled()) {
            worker.heal(messageIds, language);
        }
    }
}
