package com.rosettachat.device.internal;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.rosettachat.device.PushNotification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apple Push Notification service over HTTP/2 with token (.p8) authentication, through Pushy:
 * it keeps the HTTP/2 connection open and signs a fresh ES256 provider token every 50 minutes
 * (Apple refuses one older than an hour). The client is built on first use and closed on shutdown.
 */
final class ApnsProvider implements PushProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApnsProvider.class);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(50);

    private final PushProperties.Apns settings;
    private final Duration timeout;
    private final Clock clock;
    private ApnsClient client;
    private boolean broken;

    ApnsProvider(PushProperties.Apns settings, Duration timeout, Clock clock) {
        this.settings = settings;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "apns";
    }

    @Override
    public boolean enabled() {
        return settings.configured() && !broken;
    }

    @Override
    public List<Outcome> deliver(List<Target> targets, PushNotification notification) {
        ApnsClient apns = client();
        if (apns == null) {
            return Outcome.all(targets.size(), Outcome.failed("APNs client unavailable"));
        }
        String payload = new String(PushHttp.JSON.writeValueAsBytes(payload(notification)), StandardCharsets.UTF_8);
        List<CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>>> sent = new ArrayList<>();
        for (Target target : targets) {
            sent.add(apns.sendNotification(new SimpleApnsPushNotification(target.token(), settings.topic(), payload,
                    clock.instant().plus(Duration.ofDays(1)), DeliveryPriority.IMMEDIATE, PushType.ALERT)));
        }
        List<Outcome> outcomes = new ArrayList<>(targets.size());
        for (CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>> future : sent) {
            outcomes.add(await(future));
        }
        return outcomes;
    }

    /** {@code aps.alert} carries the text; the data keys sit beside {@code aps}, where iOS apps read them. */
    static Map<String, Object> payload(PushNotification n) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("aps", Map.of("alert", Map.of("title", n.title(), "body", n.body()), "sound", "default"));
        n.data().forEach((key, value) -> {
            if (!key.equals("aps")) {
                payload.put(key, value);
            }
        });
        return payload;
    }

    private Outcome await(CompletableFuture<PushNotificationResponse<SimpleApnsPushNotification>> future) {
        try {
            return classify(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(false);
            return Outcome.retry(null, e.getCause() != null ? e.getCause().toString() : e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry(null, "interrupted");
        }
    }

    static Outcome classify(PushNotificationResponse<?> response) {
        if (response.isAccepted()) {
            return Outcome.DELIVERED;
        }
        int status = response.getStatusCode();
        String reason = response.getRejectionReason().orElse("");
        String why = status + " " + reason;
        if (status == 410 || reason.equals("Unregistered") || reason.equals("BadDeviceToken")) {
            return Outcome.invalidToken(why);
        }
        // Pushy signs a new provider token when Apple calls the old one expired; the retry carries it.
        if (PushHttp.isTransient(status) || reason.equals("ExpiredProviderToken")) {
            return Outcome.retry(null, why);
        }
        return Outcome.failed(why);
    }

    private synchronized ApnsClient client() {
        if (client != null || broken) {
            return client;
        }
        try {
            ApnsClientBuilder builder = new ApnsClientBuilder()
                    .setSigningKey(ApnsSigningKey.loadFromInputStream(
                            new ByteArrayInputStream(PushHttp.inlineOrFile(settings.key()).getBytes(StandardCharsets.UTF_8)),
                            settings.teamId(), settings.keyId()))
                    .setTokenExpiration(TOKEN_LIFETIME)
                    .setConnectionTimeout(timeout);
            URI server = server();
            builder.setApnsServer(server.getHost(), server.getPort() > 0 ? server.getPort() : ApnsClientBuilder.DEFAULT_APNS_PORT);
            if (PushProperties.present(settings.trustedCertificate())) {
                builder.setTrustedServerCertificateChain(new ByteArrayInputStream(
                        PushHttp.inlineOrFile(settings.trustedCertificate()).getBytes(StandardCharsets.UTF_8)));
            }
            client = builder.build();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.error("APNs is off: cannot build the client from the configured key: {}", e.toString());
            broken = true;
        }
        return client;
    }

    private URI server() {
        if (PushProperties.present(settings.url())) {
            return URI.create(settings.url().strip());
        }
        return URI.create("https://" + (settings.sandbox() ? ApnsClientBuilder.DEVELOPMENT_APNS_HOST
                : ApnsClientBuilder.PRODUCTION_APNS_HOST));
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
