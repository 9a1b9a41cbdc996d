package com.rosettachat.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.device.PushNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules that need no server: which providers a configuration switches on, how long to wait
 * before a retry, how {@code Retry-After} is read, and how long texts are cut.
 */
class PushSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-17T10:00:00Z"), ZoneOffset.UTC);
    private static final PushHttp HTTP = new PushHttp(Duration.ofSeconds(1));

    @Test
    void providersWithoutCredentialsAreOffAndNothingIsNeededToStart() {
        assertThat(FcmProvider.create(new PushProperties.Fcm("https://fcm.googleapis.com", null, null), HTTP, CLOCK).enabled()).isFalse();
        assertThat(FcmProvider.create(new PushProperties.Fcm("https://fcm.googleapis.com", "  ", "p"), HTTP, CLOCK).enabled()).isFalse();
        assertThat(new ApnsProvider(new PushProperties.Apns(null, null, null, null, null, false, null), Duration.ofSeconds(1), CLOCK)
                .enabled()).isFalse();
        assertThat(new ApnsProvider(new PushProperties.Apns(null, "TEAM", "KEY", null, "com.app", false, null), Duration.ofSeconds(1), CLOCK)
                .enabled()).as("a key is needed").isFalse();
        // Expo needs no credentials; it is switched off explicitly.
        assertThat(new ExpoProvider(new PushProperties.Expo("https://exp.host", null, true), HTTP, CLOCK).enabled()).isTrue();
        assertThat(new ExpoProvider(new PushProperties.Expo("https://exp.host", null, false), HTTP, CLOCK).enabled()).isFalse();
    }

    @Test
    void unreadableFcmCredentialsSwitchFcmOffInsteadOfFailingTheStart() {
        assertThat(FcmProvider.create(new PushProperties.Fcm("https://fcm", "{\"client_email\":\"x\"}", "p"), HTTP, CLOCK).enabled()).isFalse();
        assertThat(FcmProvider.create(new PushProperties.Fcm("https://fcm", "/no/such/service-account.json", null), HTTP, CLOCK).enabled()).isFalse();
        assertThat(FcmProvider.create(new PushProperties.Fcm("https://fcm",
                "{\"client_email\":\"x\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}", "p"),
                HTTP, CLOCK).enabled()).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyHonourRetryAfterAndStop() {
        PushProperties.Delivery settings = new PushProperties.Delivery(4, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 1, 10);
        assertThat(PushDispatcher.retryDelay(settings, 1, null)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(PushDispatcher.retryDelay(settings, 2, null)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(PushDispatcher.retryDelay(settings, 3, null)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
        assertThat(PushDispatcher.retryDelay(settings, 4, null)).as("out of attempts").isNull();
        assertThat(PushDispatcher.retryDelay(settings, 1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(PushDispatcher.retryDelay(settings, 1, Duration.ofSeconds(61))).as("asks for too long a pause").isNull();

        PushProperties.Delivery capped = new PushProperties.Delivery(40, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, 10);
        assertThat(PushDispatcher.retryDelay(capped, 30, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(PushHttp.parseRetryAfter("120", CLOCK)).isEqualTo(Duration.ofSeconds(120));
        assertThat(PushHttp.parseRetryAfter(" 0 ", CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(PushHttp.parseRetryAfter("Sun, 17 May 2026 10:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PushHttp.parseRetryAfter("Sun, 17 May 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(PushHttp.parseRetryAfter("soon", CLOCK)).isNull();
        assertThat(PushHttp.parseRetryAfter("-5", CLOCK)).isNull();
    }

    @Test
    void longTextsAreCutToFitEveryProvidersPayloadLimit() {
        PushNotification n = new PushNotification("t".repeat(500), "ข้อความ".repeat(1_000), null);
        assertThat(n.title().codePointCount(0, n.title().length())).isEqualTo(PushNotification.MAX_TITLE);
        assertThat(n.body().codePointCount(0, n.body().length())).isEqualTo(PushNotification.MAX_BODY);
        assertThat(n.body()).endsWith("…");
        assertThat(n.data()).isEmpty();
        String emoji = "🙂".repeat(700);
        PushNotification e = new PushNotification(null, emoji, Map.of("k", "v"));
        assertThat(e.body().codePointCount(0, e.body().length())).isEqualTo(PushNotification.MAX_BODY);
        assertThat(e.title()).isEmpty();
        assertThat(e.data()).containsEntry("k", "v");
        Map<String, String> withNull = new java.util.HashMap<>();
        withNull.put("kept", "1");
        withNull.put("dropped", null);
        assertThat(new PushNotification("t", "b", withNull).data()).containsOnlyKeys("kept");
        // the payload of the largest notification stays within APNs' 4 KB
        assertThat(PushHttp.JSON.writeValueAsBytes(ApnsProvider.payload(n)).length).isLessThan(4096);
    }
}
