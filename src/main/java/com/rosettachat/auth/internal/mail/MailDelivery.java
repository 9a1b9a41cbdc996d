package com.rosettachat.auth.internal.mail;

import com.rosettachat.shared.security.AppKey;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued mail after the request's transaction committed, on a background thread without a
 * database connection. A failure is retried with growing pauses; when every attempt failed the
 * publication stays incomplete in the event registry and is resubmitted later (and after a
 * restart), for a day, so a mail server outage delays mail instead of losing it.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

    private final MailTransport transport;
    private final MailTemplates templates;
    private final AppKey key;
    private final MailProperties properties;
    private final IncompleteEventPublications incomplete;

    MailDelivery(MailTransport transport, MailTemplates templates, AppKey key, MailProperties properties,
                 IncompleteEventPublications incomplete) {
        this.transport = transport;
        this.templates = templates;
        this.key = key;
        this.properties = properties;
        this.incomplete = incomplete;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OutgoingMail mail) throws InterruptedException {
        Map<String, String> params = JSON.readValue(key.decrypt(mail.sealedParams()), new TypeReference<>() { });
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.language(), params);
        Duration pause = properties.retryBackoff();
        int attempts = Math.max(1, properties.retryAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                transport.send(mail.to(), rendered);
                return;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    log.error("Mail {} to {} failed {} times, will be retried later: {}", mail.template(), mail.to(),
                            attempt, e.toString());
                    throw new IllegalStateException("Mail delivery failed", e);
                }
                log.warn("Mail {} to {} failed (attempt {} of {}), retrying in {}: {}", mail.template(), mail.to(),
                        attempt, attempts, pause, e.toString());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** Mail whose delivery failed every attempt gets another round every few minutes, for a day. */
    @Scheduled(fixedDelayString = "${rosetta.mail.resubmit-interval:5m}", initialDelayString = "${rosetta.mail.resubmit-interval:5m}")
    void resubmitFailed() {
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof OutgoingMail
                && publication.getPublicationDate().isAfter(java.time.Instant.now().minus(GIVE_UP_AFTER))
                && publication.getPublicationDate().isBefore(java.time.Instant.now().minus(Duration.ofMinutes(5))));
    }
}
