package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.Subscriber;

/**
 * One socket's subscription to one channel, with who authorized it (for rechecks) and the
 * sequence bookkeeping that lets a replay and live delivery meet without gaps or duplicates.
 * The mutable fields are guarded by the {@link LocalChannel}'s lock.
 */
final class Subscription {

    final Connection connection;
    final String channel;
    final Caller caller;
    Subscriber subscriber;
    /** The first sequence delivered live; a replay sends only what came before it. */
    long firstLiveSeq;
    /** The last sequence a replay sent; live events up to it are not sent again. */
    long replayedThrough;

    Subscription(Connection connection, String channel, Caller caller, Subscriber subscriber) {
        this.connection = connection;
        this.channel = channel;
        this.caller = caller;
        this.subscriber = subscriber;
    }

    String language() {
        return subscriber.language();
    }
}
