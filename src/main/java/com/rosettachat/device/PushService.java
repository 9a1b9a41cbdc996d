package com.rosettachat.device;

import com.rosettachat.device.internal.PushDispatcher;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * Push delivery for other modules: {@link #send} notifies every device of a user through its
 * provider (FCM, Expo, APNs). It returns at once and never throws; delivery, retries of
 * transient failures and removal of devices whose token the provider rejects happen in the
 * background. Providers without credentials are skipped.
 */
@Service
public class PushService {

    private final PushDispatcher dispatcher;

    PushService(PushDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Queues {@code notification} (already in the recipient's language) for every device of
     * {@code userId}. The future completes, never exceptionally, once every device is settled;
     * callers may ignore it. Inactive or unknown users get nothing.
     */
    public CompletableFuture<PushReport> send(long userId, PushNotification notification) {
        try {
            return dispatcher.submit(userId, notification);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(PushReport.NONE);
        }
    }
}
