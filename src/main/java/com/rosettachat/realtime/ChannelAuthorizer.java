package com.rosettachat.realtime;

import java.util.Optional;

/**
 * Decides who may subscribe to a family of channels. The realtime module asks the first
 * authorizer that {@link #supports} a name, at {@code POST /broadcasting/auth} and again whenever
 * a subscription is {@link RealtimeHub#recheck rechecked}; a name no authorizer supports is
 * refused. Implementations live in the module that owns the records (workspace channels, direct
 * conversations, rooms) and must be cheap: they run once per subscription, not per event.
 */
public interface ChannelAuthorizer {

    /** Whether this authorizer answers for the channel, e.g. {@code private-direct.*}. */
    boolean supports(String channelName);

    /** The subscriber's reading language (and presence info) when the caller may join, else empty. */
    Optional<Subscriber> authorize(Caller caller, String channelName);
}
