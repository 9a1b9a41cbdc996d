package com.rosettachat.realtime.internal;

/**
 * A recheck or revocation to run on every node: re-authorize ({@code revoke} false) or drop the
 * subscriptions that match a channel and/or a caller ({@code callerType}/{@code callerId}; null
 * matches any).
 */
record HubControl(boolean revoke, String channel, String callerType, String callerId) {
}
