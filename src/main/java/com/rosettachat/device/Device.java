package com.rosettachat.device;

import java.time.Instant;
import java.util.List;

/**
 * A registered push device as the module hands it out: never the push token, which stays
 * encrypted in the store and is read only to deliver.
 */
public record Device(String id, long userId, String platform, String provider, String deviceId, String deviceName,
                     String appVersion, Instant lastUsedAt, Instant createdAt) {

    public static final List<String> PLATFORMS = List.of("ios", "android", "web");
    public static final List<String> PROVIDERS = List.of("fcm", "expo", "apns");
}
