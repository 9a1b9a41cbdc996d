package com.rosettachat.auth.internal.mail;

import com.rosettachat.shared.Language;
import com.rosettachat.shared.security.AppKey;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a mail: the request only records it (in its own transaction, so it is sent exactly when
 * the change that caused it commits) and {@link MailDelivery} sends it in the background. A slow
 * or failing mail server therefore never slows or fails a request.
 */
@Service
public class Mailer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationEventPublisher events;
    private final AppKey key;

    Mailer(ApplicationEventPublisher events, AppKey key) {
        this.events = events;
        this.key = key;
    }

    @Transactional
    public void send(String to, String language, MailTemplate template, Map<String, String> params) {
        String lang = Language.fromCode(language).map(Language::code).orElse(Language.DEFAULT);
        events.publishEvent(new OutgoingMail(to, lang, template, key.encrypt(JSON.writeValueAsString(params))));
    }

    /** The best supported language of an {@code Accept-Language} header, for recipients without an account. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Language.DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                for (String code : Language.CODES) {
                    if (tag.equalsIgnoreCase(code) || tag.toLowerCase(Locale.ROOT).startsWith(code.substring(0, 2).toLowerCase(Locale.ROOT))) {
                        return code;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header is no preference
        }
        return Language.DEFAULT;
    }
}
