package com.rosettachat.realtime.internal;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where events meet sockets: in this process, or through Redis so that every node delivers to
 * its own sockets. Sequence numbers, the replay window and authorization grants live wherever
 * the bus lives.
 */
interface EventBus extends AutoCloseable {

    /** Gives the event the channel's next sequence, keeps it for replay and delivers it everywhere. */
    void publish(String channel, String event, Payload payload);

    /** Passes a client event (already framed) to the channel's subscribers on every node but the sender. */
    void clientEvent(String channel, String frame, String senderSocketId);

    /** Answers a subscriber's replay request on its socket. */
    void replay(Subscription subscription, long since);

    /** Runs a recheck or revocation on every node. */
    void control(HubControl control);

    void putGrant(String socketId, String channel, Grant grant);

    CompletionStage<Optional<Grant>> grant(String socketId, String channel);

    /** Releases connections to what the bus runs on, if any. */
    @Override
    default void close() {
    }
}
