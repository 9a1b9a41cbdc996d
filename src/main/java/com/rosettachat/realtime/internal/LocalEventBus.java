package com.rosettachat.realtime.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The bus of a single node: sequences, replay windows and grants in memory. A channel's
 * window is dropped once nobody published to it or asked about it for the replay age; its next
 * event starts from a new clock-seeded sequence, and a client asking about an older one is told to
 * refetch history.
 */
final class LocalEventBus implements EventBus {

    private final Hub hub;
    private final Clock clock;
    private final RealtimeProperties properties;
    private final Cache<String, ReplayWindow.Log> logs;
    private final Cache<String, Grant> grants;

    LocalEventBus(Hub hub, Clock clock, RealtimeProperties properties) {
        this.hub = hub;
        this.clock = clock;
        this.properties = properties;
        this.logs = Caffeine.newBuilder()
                .maximumSize(properties.replayChannels())
                .expireAfterAccess(properties.replayAge())
                .build();
        this.grants = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(properties.grantTtl())
                .build();
    }

    @Override
    public void publish(String channel, String event, Payload payload) {
        long now = clock.millis();
        ReplayWindow.Log log = logs.get(channel, name -> new ReplayWindow.Log(now));
        // One lock orders sequence, window and delivery, so that every socket sees the channel's events in order.
        synchronized (log) {
            long seq = log.append(event, payload, now, properties.replayEvents(), oldestAllowed(now));
            hub.deliver(channel, event, seq, payload);
        }
    }

    @Override
    public void clientEvent(String channel, String frame, String senderSocketId) {
        hub.deliverToOthers(channel, frame, senderSocketId);
    }

    @Override
    public void replay(Subscription subscription, long since) {
        LocalChannel local = hub.channel(subscription.channel);
        if (local == null) {
            return;
        }
        long now = clock.millis();
        ReplayWindow.Log log = logs.get(subscription.channel, name -> new ReplayWindow.Log(now));
        synchronized (log) {
            local.replay(subscription, since, log.since(since, oldestAllowed(now)));
        }
    }

    @Override
    public void control(HubControl control) {
        hub.apply(control);
    }

    @Override
    public void putGrant(String socketId, String channel, Grant grant) {
        grants.put(socketId + ":" + channel, grant);
    }

    @Override
    public CompletionStage<Optional<Grant>> grant(String socketId, String channel) {
        // used once: the socket subscribes with it, and a later subscription asks /broadcasting/auth again
        return CompletableFuture.completedFuture(Optional.ofNullable(grants.asMap().remove(socketId + ":" + channel)));
    }

    private long oldestAllowed(long now) {
        return now - properties.replayAge().toMillis();
    }
}
