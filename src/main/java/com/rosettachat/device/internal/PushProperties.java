package com.rosettachat.device.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rosetta.push.*}. A provider without credentials is off and its devices are skipped;
 * Expo needs none (its access token is optional), so it is on unless {@code expo.enabled=false}.
 */
@ConfigurationProperties("rosetta.push")
public record PushProperties(@DefaultValue Fcm fcm, @DefaultValue Expo expo, @DefaultValue Apns apns,
                             @DefaultValue Delivery delivery) {

    /**
     * {@code credentials}: the service-account JSON, or a path to it; {@code projectId}: defaults
     * to the JSON's {@code project_id}.
     */
    public record Fcm(@DefaultValue("https://fcm.googleapis.com") String url, String credentials, String projectId) {
    }

    public record Expo(@DefaultValue("https://exp.host") String url, String accessToken,
                       @DefaultValue("true") boolean enabled) {
    }

    /**
     * {@code url}: empty means Apple's production or sandbox host as {@code sandbox} says;
     * {@code key}: the .p8 signing key, inline PEM or a path; {@code topic}: the app's bundle id;
     * {@code trustedCertificate}: PEM (inline or path) to trust instead of the system CAs, for
     * a TLS-intercepting proxy or a test server.
     */
    public record Apns(String url, String teamId, String keyId, String key, String topic,
                       @DefaultValue("false") boolean sandbox, String trustedCertificate) {

        public boolean configured() {
            return present(teamId) && present(keyId) && present(key) && present(topic);
        }
    }

    /**
     * {@code maxAttempts}: tries per device, the first included; {@code initialBackoff}: wait
     * before the second try, doubled each time; {@code maxBackoff}: the longest wait, and the
     * longest {@code Retry-After} honoured (a provider asking for more is given up on);
     * {@code timeout}: per request; {@code threads} and {@code queueCapacity}: the delivery pool
     * (sends beyond the queue are dropped with a warning rather than slowing the caller).
     */
    public record Delivery(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
                           @DefaultValue("60s") Duration maxBackoff, @DefaultValue("10s") Duration timeout,
                           @DefaultValue("4") int threads, @DefaultValue("10000") int queueCapacity) {
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
