package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.Subscriber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's sockets and their subscriptions. Whatever arrives through the {@link EventBus} is
 * delivered from here to the local sockets; rechecks and revocations run here on every node.
 */
final class Hub {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    static final String MEMBER_ADDED = "pusher_internal:member_added";
    static final String MEMBER_REMOVED = "pusher_internal:member_removed";

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, LocalChannel> channels = new ConcurrentHashMap<>();
    private final ChannelAuthorization authorization;
    private final Executor executor;
    private final JsonMapper json;
    private final int maxChannelsPerConnection;

    Hub(ChannelAuthorization authorization, Executor executor, JsonMapper json, int maxChannelsPerConnection) {
        this.authorization = authorization;
        this.executor = executor;
        this.json = json;
        this.maxChannelsPerConnection = maxChannelsPerConnection;
    }

    /** Registers the socket under its id; false when the id is taken (the caller draws another). */
    boolean open(Connection connection) {
        return connections.putIfAbsent(connection.socketId, connection) == null;
    }

    void closed(Connection connection) {
        if (connections.remove(connection.socketId, connection)) {
            for (Subscription subscription : List.copyOf(connection.subscriptions().values())) {
                unsubscribe(subscription);
            }
        }
    }

    Collection<Connection> connections() {
        return connections.values();
    }

    LocalChannel channel(String name) {
        return channels.get(name);
    }

    /**
     * Adds the subscription and confirms it to the socket before any event of the channel can
     * reach it; presence channels tell the other members when the member is new.
     */
    void subscribe(Connection connection, String channel, Grant grant) {
        if (connection.subscriptions().containsKey(channel)) {
            LocalChannel existing = channels.get(channel);
            connection.send(Frames.subscriptionSucceeded(channel, existing == null ? "{}" : existing.subscriptionData()));
            return;
        }
        if (connection.subscriptions().size() >= maxChannelsPerConnection) {
            connection.send(Frames.error(Frames.GENERIC, "Too many channels on this connection", channel));
            return;
        }
        boolean presence = RealtimeChannels.isPresence(channel);
        Subscription subscription = new Subscription(connection, channel, grant.caller(), grant.subscriber());
        String memberId = grant.caller().memberId();
        String info = presence ? json.writeValueAsString(grant.subscriber().userInfo()) : null;
        connection.subscriptions().put(channel, subscription);
        // The channel is in the map before the socket hears it is subscribed, so no event published after can miss it.
        Boolean newMember;
        do {
            newMember = channels.computeIfAbsent(channel, name -> new LocalChannel(name, presence))
                    .addAndConfirm(subscription, memberId, info);
        } while (newMember == null);
        if (newMember) {
            announce(channel, MEMBER_ADDED, "{\"user_id\":" + Frames.quote(memberId) + ",\"user_info\":" + info + "}",
                    connection.socketId);
        }
    }

    void unsubscribe(Connection connection, String channel) {
        Subscription subscription = connection.subscriptions().get(channel);
        if (subscription != null) {
            unsubscribe(subscription);
        }
    }

    private void unsubscribe(Subscription subscription) {
        if (!subscription.connection.subscriptions().remove(subscription.channel, subscription)) {
            return;
        }
        String memberId = subscription.caller.memberId();
        boolean[] lastSocket = new boolean[1];
        channels.computeIfPresent(subscription.channel, (name, local) -> {
            lastSocket[0] = local.remove(subscription, memberId);
            return local.closed() ? null : local;
        });
        if (lastSocket[0]) {
            announce(subscription.channel, MEMBER_REMOVED, "{\"user_id\":" + Frames.quote(memberId) + "}",
                    subscription.connection.socketId);
        }
    }

    private void announce(String channel, String event, String data, String exceptSocketId) {
        LocalChannel local = channels.get(channel);
        if (local != null) {
            local.deliverToOthers(Frames.event(event, channel, data), exceptSocketId);
        }
    }

    void deliver(String channel, String event, long seq, Payload payload) {
        LocalChannel local = channels.get(channel);
        if (local != null) {
            local.deliver(event, seq, payload);
        }
    }

    void deliverToOthers(String channel, String frame, String exceptSocketId) {
        LocalChannel local = channels.get(channel);
        if (local != null) {
            local.deliverToOthers(frame, exceptSocketId);
        }
    }

    /** Applies a recheck or revocation to this node's matching subscriptions, off the caller's thread. */
    void apply(HubControl control) {
        List<Subscription> matching = new ArrayList<>();
        Collection<LocalChannel> scope = control.channel() == null
                ? channels.values()
                : Optional.ofNullable(channels.get(control.channel())).map(List::of).orElse(List.of());
        for (LocalChannel local : scope) {
            matching.addAll(local.subscriptions(s -> matches(control, s.caller)));
        }
        if (matching.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (Subscription subscription : matching) {
                try {
                    Optional<Subscriber> still = control.revoke()
                            ? Optional.empty()
                            : authorization.authorize(subscription.caller, subscription.channel);
                    if (still.isEmpty()) {
                        drop(subscription);
                    } else if (!still.get().language().equals(subscription.language())) {
                        LocalChannel local = channels.get(subscription.channel);
                        if (local != null) {
                            local.relanguage(subscription, still.get());
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("Rechecking {} on {} failed; dropping it", subscription.caller, subscription.channel, e);
                    drop(subscription);
                }
            }
        });
    }

    private static boolean matches(HubControl control, Caller caller) {
        return (control.callerType() == null || control.callerType().equals(caller.type()))
                && (control.callerId() == null || control.callerId().equals(caller.id()));
    }

    /** Ends a subscription whose authorization no longer holds; the client sees it as a failed authorization. */
    private void drop(Subscription subscription) {
        unsubscribe(subscription);
        subscription.connection.send(Frames.event("pusher:subscription_error", subscription.channel,
                "{\"type\":\"AuthError\",\"error\":\"This action is unauthorized.\",\"status\":403}"));
    }
}
