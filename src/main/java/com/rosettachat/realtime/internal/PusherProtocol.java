package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.RealtimeChannels;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client may say on the socket (Pusher protocol 7, as Reverb answers it): ping, pong,
 * subscribe, unsubscribe, {@code client-*} events, and this server's {@code rosetta:replay}.
 * Every handler returns when its answer is queued; a subscribe waits for its grant.
 */
final class PusherProtocol {

    /** Pusher's channel name alphabet; 200 characters at most. */
    static final Pattern CHANNEL_NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]{1,200}");
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    private static final String UNAUTHORIZED = "Connection is unauthorized";
    private static final String NOT_A_MEMBER = "The client is not a member of the specified channel.";

    private final Hub hub;
    private final EventBus bus;
    private final AppCredentials credentials;
    private final JsonMapper json;
    private final int clientEventsPerSecond;

    PusherProtocol(Hub hub, EventBus bus, AppCredentials credentials, JsonMapper json, int clientEventsPerSecond) {
        this.hub = hub;
        this.bus = bus;
        this.credentials = credentials;
        this.json = json;
        this.clientEventsPerSecond = clientEventsPerSecond;
    }

    CompletionStage<Void> handle(Connection connection, String text) {
        connection.seen();
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException e) {
            return invalid(connection);
        }
        String event = message.path("event").isString() ? message.path("event").asString() : null;
        if (event == null) {
            return invalid(connection);
        }
        JsonNode data = data(message.get("data"));
        String channel = message.path("channel").isString() ? message.path("channel").asString() : null;
        switch (event) {
            case "pusher:ping" -> connection.send(Frames.PONG);
            case "pusher:pong" -> { }
            case "pusher:subscribe" -> {
                return subscribe(connection, data);
            }
            case "pusher:unsubscribe" -> {
                String name = text(data, "channel");
                if (name == null) {
                    return invalid(connection);
                }
                hub.unsubscribe(connection, name);
            }
            case ReplayWindow.REQUEST -> replay(connection, channel != null ? channel : text(data, "channel"), data);
            default -> {
                if (event.startsWith("client-")) {
                    clientEvent(connection, event, channel, message.get("data"));
                } else if (event.startsWith("pusher:")) {
                    return invalid(connection);
                }
                // anything else is not ours to answer, as in Reverb
            }
        }
        return DONE;
    }

    private CompletionStage<Void> subscribe(Connection connection, JsonNode data) {
        String channel = text(data, "channel");
        if (channel == null) {
            return invalid(connection);
        }
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            connection.send(Frames.error(Frames.GENERIC, "Invalid channel name", null));
            return DONE;
        }
        boolean presence = RealtimeChannels.isPresence(channel);
        String channelData = presence ? text(data, "channel_data") : null;
        // There are no public channels: every channel of this server needs a signature.
        if (!RealtimeChannels.isAuthorized(channel) || (presence && channelData == null)
                || !credentials.verify(text(data, "auth"), connection.socketId, channel, channelData)) {
            return refuse(connection, channel);
        }
        return bus.grant(connection.socketId, channel).thenAccept(grant -> {
            if (grant.isEmpty() || (presence && !sameMember(channelData, grant.get()))) {
                refuse(connection, channel);
            } else {
                hub.subscribe(connection, channel, grant.get());
            }
        }).exceptionally(error -> {
            refuse(connection, channel);
            return null;
        });
    }

    private boolean sameMember(String channelData, Grant grant) {
        try {
            JsonNode parsed = json.readTree(channelData);
            return grant.caller().memberId().equals(parsed.path("user_id").asString(null));
        } catch (JacksonException e) {
            return false;
        }
    }

    private CompletionStage<Void> refuse(Connection connection, String channel) {
        connection.send(Frames.error(Frames.UNAUTHORIZED, UNAUTHORIZED, channel));
        return DONE;
    }

    /** {@code client-*}: members of a private or presence channel only, rate limited, never back to the sender. */
    private void clientEvent(Connection connection, String event, String channel, JsonNode data) {
        Subscription subscription = channel == null ? null : connection.subscriptions().get(channel);
        if (subscription == null || event.length() > 200) {
            connection.send(Frames.error(Frames.UNAUTHORIZED, NOT_A_MEMBER, channel));
            return;
        }
        if (!connection.takeClientEvent(clientEventsPerSecond)) {
            connection.send(Frames.error(Frames.CLIENT_EVENT_RATE, "Client event rejected due to rate limit", channel));
            return;
        }
        String payload = data == null || data.isNull() ? "{}" : data.isString() ? data.asString() : data.toString();
        bus.clientEvent(channel, Frames.clientEvent(event, channel, payload, subscription.caller.memberId()),
                connection.socketId);
    }

    private void replay(Connection connection, String channel, JsonNode data) {
        Subscription subscription = channel == null ? null : connection.subscriptions().get(channel);
        if (subscription == null) {
            connection.send(Frames.error(Frames.UNAUTHORIZED, NOT_A_MEMBER, channel));
            return;
        }
        Optional<Long> since = sequence(data == null ? null : data.get("since"));
        if (since.isEmpty()) {
            invalid(connection);
            return;
        }
        if (!connection.takeClientEvent(clientEventsPerSecond)) {
            connection.send(Frames.error(Frames.CLIENT_EVENT_RATE, "Client event rejected due to rate limit", channel));
            return;
        }
        bus.replay(subscription, since.get());
    }

    private static Optional<Long> sequence(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return Optional.of(node.asLong());
        }
        if (node != null && node.isString() && node.asString().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(node.asString()));
        }
        return Optional.empty();
    }

    /** pusher-js sends {@code data} as an object; other clients send it JSON-encoded in a string. */
    private JsonNode data(JsonNode data) {
        if (data != null && data.isString()) {
            try {
                return json.readTree(data.asString());
            } catch (JacksonException e) {
                return data;
            }
        }
        return data;
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static CompletionStage<Void> invalid(Connection connection) {
        connection.send(Frames.error(Frames.INVALID_MESSAGE, "Invalid message format", null));
        return DONE;
    }
}
