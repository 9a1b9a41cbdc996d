package com.rosettachat.device.internal;

import com.rosettachat.device.PushNotification;
import java.time.Duration;
import java.util.List;

/** One push transport (FCM, Expo, APNs). Implementations classify every answer; they never throw. */
public interface PushProvider {

    /** The {@code provider} value devices carry: fcm, expo or apns. */
    String name();

    /** False when its credentials are not configured: its devices are skipped. */
    boolean enabled();

    /** Sends {@code notification} to each target; the outcomes come back in the targets' order. */
    List<Outcome> deliver(List<Target> targets, PushNotification notification);

    /** A device to reach: its record id and token hash (to delete it if invalid) and the raw token. */
    record Target(String deviceId, String tokenHash, String token) {

        @Override
        public String toString() {
            return "Target[" + deviceId + "]"; // never the token
        }
    }

    /** What the provider said about one target. {@code retryAfter} is the provider's own wait, if it gave one. */
    record Outcome(Kind kind, Duration retryAfter, String reason) {

        public enum Kind { DELIVERED, INVALID_TOKEN, RETRY, FAILED }

        public static final Outcome DELIVERED = new Outcome(Kind.DELIVERED, null, "accepted");

        public static Outcome invalidToken(String reason) {
            return new Outcome(Kind.INVALID_TOKEN, null, reason);
        }

        public static Outcome retry(Duration retryAfter, String reason) {
            return new Outcome(Kind.RETRY, retryAfter, reason);
        }

        public static Outcome failed(String reason) {
            return new Outcome(Kind.FAILED, null, reason);
        }

        public static List<Outcome> all(int count, Outcome outcome) {
            return java.util.Collections.nCopies(count, outcome);
        }
    }
}
