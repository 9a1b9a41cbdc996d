package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.Subscriber;
import com.rosettachat.shared.Language;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus of several nodes, over one Redis pub/sub channel that every node subscribes to. A Lua
 * script gives each event its channel's next sequence (INCR), appends it to the channel's capped
 * replay list and publishes it in one step, so sequence order is publication order on every node.
 * Events are rendered here for every supported language, because other nodes' readers are not
 * known here. Grants are short-lived keys, so any node may answer the auth request.
 */
final class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    /** Sequences outlive quiet weeks; when one expires anyway the next is seeded from the clock and still grows. */
    private static final long SEQUENCE_TTL_MS = 30L * 24 * 3600 * 1000;

    private static final String PUBLISH = """
            local seq = redis.call('INCR', KEYS[1])
            if seq == 1 then seq = redis.call('INCRBY', KEYS[1], ARGV[2]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local message = '{"s":' .. string.format('%.0f', seq) .. ',' .. ARGV[1]
            redis.call('RPUSH', KEYS[2], message)
            redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            redis.call('PUBLISH', ARGV[6], 'E' .. message)
            return seq
            """;
    private static final String WINDOW = """
            if not redis.call('GET', KEYS[1]) then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') end
            return {redis.call('GET', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}
            """;

    private final Hub hub;
    private final Clock clock;
    private final RealtimeProperties properties;
    private final JsonMapper json;
    private final String prefix;
    private final String busChannel;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    /** One thread delivers what arrives, in arrival order, which is sequence order. */
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "realtime-redis-inbound");
        thread.setDaemon(true);
        return thread;
    });

    RedisEventBus(Hub hub, Clock clock, RealtimeProperties properties, JsonMapper json) {
        this.hub = hub;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
        this.prefix = properties.redisPrefix();
        this.busChannel = prefix + "bus";
        this.client = RedisClient.create(properties.redisUrl());
        this.connection = client.connect();
        this.redis = connection.async();
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                inbound.execute(() -> receive(message));
            }
        });
        subscription.sync().subscribe(busChannel);
    }

    @Override
    public void publish(String channel, String event, Payload payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("t", clock.millis());
        body.put("c", channel);
        body.put("e", event);
        body.put("d", payload.renderAll(Language.CODES));
        String text = json.writeValueAsString(body);
        redis.<Long>eval(PUBLISH, ScriptOutputType.INTEGER, new String[] {sequenceKey(channel), windowKey(channel)},
                        text.substring(1), Long.toString(clock.millis() * 1000), Long.toString(SEQUENCE_TTL_MS),
                        Integer.toString(properties.replayEvents()), Long.toString(properties.replayAge().toMillis()),
                        busChannel)
                .exceptionally(error -> {
                    log.warn("Publishing {} on {} through Redis failed", event, channel, error);
                    return null;
                });
    }

    @Override
    public void clientEvent(String channel, String frame, String senderSocketId) {
        send('C', Map.of("c", channel, "f", frame, "x", senderSocketId));
    }

    @Override
    public void control(HubControl control) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("r", control.revoke());
        body.put("c", control.channel());
        body.put("t", control.callerType());
        body.put("i", control.callerId());
        send('R', body);
    }

    private void send(char type, Map<String, ?> body) {
        redis.publish(busChannel, type + json.writeValueAsString(body)).exceptionally(error -> {
            log.warn("Publishing to Redis failed", error);
            return null;
        });
    }

    @Override
    public void replay(Subscription subscriptionToAnswer, long since) {
        String channel = subscriptionToAnswer.channel;
        long now = clock.millis();
        redis.<List<Object>>eval(WINDOW, ScriptOutputType.MULTI, new String[] {sequenceKey(channel), windowKey(channel)},
                        Long.toString(now * 1000), Long.toString(SEQUENCE_TTL_MS))
                .thenAcceptAsync(reply -> {
                    long lastSeq = Long.parseLong((String) reply.get(0));
                    List<ReplayWindow.Logged> window = new ArrayList<>();
                    for (Object entry : (List<?>) reply.get(1)) {
                        window.add(logged(json.readTree((String) entry)));
                    }
                    ReplayWindow.Result result = ReplayWindow.answer(since, lastSeq, window,
                            now - properties.replayAge().toMillis());
                    LocalChannel local = hub.channel(channel);
                    if (local != null) {
                        local.replay(subscriptionToAnswer, since, result);
                    }
                }, inbound)
                .exceptionally(error -> {
                    log.warn("Replay of {} from Redis failed", channel, error);
                    return null;
                });
    }

    @Override
    public void putGrant(String socketId, String channel, Grant grant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("t", grant.caller().type());
        body.put("i", grant.caller().id());
        body.put("l", grant.subscriber().language());
        body.put("u", grant.subscriber().userInfo());
        // Synchronous: the client subscribes as soon as it has the answer, perhaps on another node.
        connection.sync().set(grantKey(socketId, channel), json.writeValueAsString(body),
                SetArgs.Builder.px(properties.grantTtl().toMillis()));
    }

    @Override
    public CompletionStage<Optional<Grant>> grant(String socketId, String channel) {
        return redis.get(grantKey(socketId, channel)).thenApply(text -> {
            if (text == null) {
                return Optional.<Grant>empty();
            }
            JsonNode body = json.readTree(text);
            Map<String, Object> info = json.convertValue(body.path("u"), Map.class);
            return Optional.of(new Grant(new Caller(body.path("t").asString(), body.path("i").asString()),
                    new Subscriber(body.path("l").asString(), info)));
        });
    }

    private void receive(String message) {
        try {
            JsonNode body = json.readTree(message.substring(1));
            switch (message.charAt(0)) {
                case 'E' -> {
                    ReplayWindow.Logged event = logged(body);
                    hub.deliver(body.path("c").asString(), event.event(), event.seq(), event.payload());
                }
                case 'C' -> hub.deliverToOthers(body.path("c").asString(), body.path("f").asString(), body.path("x").asString());
                case 'R' -> hub.apply(new HubControl(body.path("r").asBoolean(), text(body, "c"), text(body, "t"), text(body, "i")));
                default -> log.debug("Ignoring a bus message of unknown type");
            }
        } catch (RuntimeException e) {
            log.warn("A message from the Redis bus could not be delivered", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private ReplayWindow.Logged logged(JsonNode body) {
        Map<String, String> texts = new LinkedHashMap<>();
        body.path("d").properties().forEach(entry -> texts.put(entry.getKey(), entry.getValue().asString()));
        return new ReplayWindow.Logged(body.path("s").asLong(), body.path("t").asLong(), body.path("e").asString(),
                Payload.rendered(texts));
    }

    // Hash tags keep a channel's sequence and window in one slot, so the scripts also run on Redis Cluster.
    private String sequenceKey(String channel) {
        return prefix + "seq:{" + channel + "}";
    }

    private String windowKey(String channel) {
        return prefix + "window:{" + channel + "}";
    }

    private String grantKey(String socketId, String channel) {
        return prefix + "grant:" + socketId + ":" + channel;
    }

    @Override
    public void close() {
        subscription.close();
        connection.close();
        client.shutdown();
        inbound.shutdownNow();
    }
}
