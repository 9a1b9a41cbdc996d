package com.rosettachat.realtime.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The realtime settings (CONTRACT §11 names the key, secret and Redis URL; the rest are limits).
 *
 * @param appKey                   the Pusher app key clients connect with ({@code /app/{key}})
 * @param appSecret                signs channel authorizations; derived from the application key when blank
 * @param redisUrl                 {@code redis://...}: events, sequences, replay and grants shared between nodes
 * @param redisPrefix              prefix of every Redis key and of the pub/sub channel
 * @param activityTimeout          sent to clients; a socket silent this long is pinged
 * @param pongTimeout              how long a pinged socket may stay silent before it is closed (4201)
 * @param replayEvents             events kept per channel for reconnecting clients
 * @param replayAge                and for how long
 * @param replayChannels           channels whose windows are kept in memory (without Redis)
 * @param sendBuffer               bytes queued for one socket before it counts as too slow and is closed (4100)
 * @param sendTimeLimit            how long one send may take before the socket counts as too slow
 * @param clientEventsPerSecond    {@code client-*} events one socket may send per second (Pusher's 10)
 * @param maxChannelsPerConnection subscriptions one socket may hold
 * @param maxMessageSize           largest frame a client may send
 * @param grantTtl                 how long an authorization waits for its {@code pusher:subscribe}
 * @param socketBufferSize         Tomcat's per-connection read and write buffers (idle sockets hold them)
 * @param frameBufferSize          Tomcat's per-WebSocket read, write and encoding buffers (set once per JVM);
 *                                 longer outgoing messages go out as several frames
 * @param messageBufferSize        Tomcat's per-WebSocket buffers for incoming messages; longer ones arrive in parts
 * @param maxConnections           connections Tomcat holds open, sockets included, when
 *                                 {@code server.tomcat.max-connections} is left at its default (8192)
 */
@ConfigurationProperties("rosetta.realtime")
public record RealtimeProperties(
        @DefaultValue("rosetta") String appKey,
        String appSecret,
        String redisUrl,
        @DefaultValue("rosetta:realtime:") String redisPrefix,
        @DefaultValue("30s") Duration activityTimeout,
        @DefaultValue("30s") Duration pongTimeout,
        @DefaultValue("100") int replayEvents,
        @DefaultValue("5m") Duration replayAge,
        @DefaultValue("20000") int replayChannels,
        @DefaultValue("1MB") DataSize sendBuffer,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("10") int clientEventsPerSecond,
        @DefaultValue("100") int maxChannelsPerConnection,
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("2m") Duration grantTtl,
        @DefaultValue("4KB") DataSize socketBufferSize,
        @DefaultValue("2KB") DataSize frameBufferSize,
        @DefaultValue("512B") DataSize messageBufferSize,
        @DefaultValue("100000") int maxConnections) {

    public boolean redisEnabled() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
