package com.rosettachat.realtime;

/**
 * Takes back access that no longer holds. Subscriptions are authorized once, when they are made;
 * when membership changes (a member removed, a channel made private, an account deactivated)
 * call one of these after the commit and every node acts on its sockets at once. A dropped
 * subscription receives {@code pusher:subscription_error} with status 403 on that channel and
 * nothing more.
 *
 * <p>The selectors are values rather than predicates because they travel to other nodes.
 */
public interface RealtimeHub {

    /** Asks the authorizers again about every subscription to the channel; drops the refused ones and updates the others' languages. */
    void recheck(String channelName);

    /** Asks the authorizers again about every subscription of the caller (language changed, removed from a workspace). */
    void recheck(Caller caller);

    /** Drops the caller's subscription to the channel without asking. */
    void revoke(Caller caller, String channelName);

    /** Drops every subscription of the caller without asking (deactivated account). */
    void revokeAll(Caller caller);
}
