package com.rosettachat.realtime;

import java.util.function.Function;

/**
 * Publishes server events to subscribers of a private or presence channel. Call it after the
 * transaction committed (from an {@code @ApplicationModuleListener}): delivery is immediate and
 * cannot be taken back. Every event gets the channel's next sequence number, added to the payload
 * as {@code seq}, and is kept in a bounded replay window for readers who reconnect.
 *
 * <p>Payloads are serialized as the REST API does (snake_case) and must serialize to a JSON
 * object; {@code seq} is reserved. Serialization happens once per language, never per socket.
 */
public interface Broadcaster {

    /** The same payload for every reader (member events, channel updates): serialized once. */
    void publish(String channel, String event, Object payload);

    /**
     * A payload that depends on the reader's language (messages): {@code render} is called at
     * most once per language that needs it — the languages of the channel's subscribers, a
     * reconnecting reader's language when it asks for a replay, and with Redis every supported
     * language (other nodes' readers are not known here). It must not have side effects.
     */
    void publishPerLanguage(String channel, String event, Function<String, ?> render);
}
