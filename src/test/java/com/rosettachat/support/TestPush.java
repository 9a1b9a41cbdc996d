package com.rosettachat.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The push providers' stand-ins (FCM and Expo on WireMock, APNs on Pushy's mock server) and
 * delivery settings short enough for tests: retries in milliseconds, a five-second timeout (generous: the test machine is shared).
 */
public final class TestPush {

    private TestPush() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestFcm.register(registry);
        TestExpo.register(registry);
        TestApns.register(registry);
        registry.add("rosetta.push.delivery.max-attempts", () -> "3");
        registry.add("rosetta.push.delivery.initial-backoff", () -> "100ms");
        registry.add("rosetta.push.delivery.max-backoff", () -> "3s");
        registry.add("rosetta.push.delivery.timeout", () -> "5s");
    }
}
