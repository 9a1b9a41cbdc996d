package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.Subscriber;

/**
 * What {@code POST /broadcasting/auth} decided for one socket and channel, kept until the socket
 * subscribes: the socket itself only carries a signature, not who the caller is.
 */
record Grant(Caller caller, Subscriber subscriber) {
}
