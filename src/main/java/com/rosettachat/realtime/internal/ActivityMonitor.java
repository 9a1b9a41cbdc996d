package com.rosettachat.realtime.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Pusher's liveness rule from the server side: a socket silent for the activity timeout gets a
 * {@code pusher:ping}; one that stays silent for the pong timeout after it is closed with 4201,
 * so dead mobile connections do not hold memory and subscriptions.
 */
final class ActivityMonitor {

    private final Hub hub;
    private final Clock clock;
    private final long activityTimeoutMillis;
    private final long pongTimeoutMillis;

    ActivityMonitor(Hub hub, Clock clock, RealtimeProperties properties) {
        this.hub = hub;
        this.clock = clock;
        this.activityTimeoutMillis = properties.activityTimeout().toMillis();
        this.pongTimeoutMillis = properties.pongTimeout().toMillis();
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    void sweep() {
        long now = clock.millis();
        for (Connection connection : hub.connections()) {
            long pingedAt = connection.pingedAtMillis();
            if (pingedAt != 0) {
                if (now - pingedAt > pongTimeoutMillis) {
                    connection.abort(Frames.PONG_TIMEOUT, "Pong reply not received");
                }
            } else if (now - connection.lastSeenMillis() > activityTimeoutMillis) {
                connection.pinged();
                connection.send(Frames.PING);
            }
        }
    }
}
