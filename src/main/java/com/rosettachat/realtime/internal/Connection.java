package com.rosettachat.realtime.internal;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket. Publishers never touch the network: a frame goes into the socket's queue,
 * and the first frame of a quiet socket starts a drain on the writer executor (a virtual thread)
 * that sends what is queued, in order, with Tomcat's blocking send — which completes inline while
 * the kernel takes the bytes, so a burst costs one task per socket rather than one per frame, and
 * a publisher's loop over a thousand sockets takes well under a millisecond. The queue is bounded
 * in size and in how long one send may take; a socket that falls behind either bound is closed
 * (4100) rather than growing the heap, and its client reconnects and asks for a replay.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** Tomcat's per-session limit on a blocking send, read at every send. */
    static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final Long CLOSE_TIMEOUT_MS = 1000L;

    /** Limits and threads every connection shares. */
    record Limits(long maxQueuedChars, long sendTimeLimitNanos, Executor writer, Executor closer, Clock clock) {
    }

    private record CloseAfter(int code, String reason) {
    }

    final String socketId;
    private final Session session;
    private final RemoteEndpoint.Basic remote;
    private final Limits limits;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(4);

    // outbound, guarded by this
    private ArrayDeque<Object> queue;
    private long queuedChars;
    private boolean draining;
    private long sendingSince;
    private boolean closed;

    // inbound bookkeeping
    private StringBuilder partial;
    private volatile long lastSeenMillis;
    private volatile long pingedAtMillis;
    private double clientEventTokens = -1;
    private long clientEventTokensAt;
    private CompletableFuture<Void> pending;

    Connection(String socketId, Session session, Limits limits) {
        this.socketId = socketId;
        this.session = session;
        this.remote = session.getBasicRemote();
        this.limits = limits;
        this.lastSeenMillis = limits.clock().millis();
    }

    // ---------------------------------------------------------------- outbound

    /** Queues a frame for this socket; safe from any thread, never blocks on the network. */
    void send(String frame) {
        enqueue(frame, frame.length());
    }

    /** Sends what is queued, then closes with the code: used after a final {@code pusher:error}. */
    void closeAfterFlush(int code, String reason) {
        enqueue(new CloseAfter(code, reason), 0);
    }

    private void enqueue(Object item, int chars) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (draining && (queuedChars + chars > limits.maxQueuedChars()
                    || (sendingSince != 0 && System.nanoTime() - sendingSince > limits.sendTimeLimitNanos()))) {
                abortLocked(Frames.OVER_CAPACITY, "Client is not keeping up");
                return;
            }
            queue().add(item);
            queuedChars += chars;
            if (draining) {
                return;
            }
            draining = true;
        }
        limits.writer().execute(this::drain);
    }

    private void drain() {
        while (true) {
            Object next;
            synchronized (this) {
                next = queue == null || closed ? null : queue.poll();
                if (next == null) {
                    draining = false;
                    sendingSince = 0;
                    queue = null;
                    return;
                }
                if (next instanceof String frame) {
                    queuedChars -= frame.length();
                    sendingSince = System.nanoTime();
                }
            }
            if (next instanceof CloseAfter close) {
                abort(close.code(), close.reason());
                return;
            }
            try {
                remote.sendText((String) next);
            } catch (IOException | RuntimeException e) {
                // Tomcat closes a session whose blocking send failed or timed out; its onClose cleans up
                log.debug("Send to {} failed", socketId, e);
                abort(1006, "Send failed");
                return;
            }
        }
    }

    /** Drops what is queued and closes. */
    synchronized void abort(int code, String reason) {
        abortLocked(code, reason);
    }

    private ArrayDeque<Object> queue() {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        return queue;
    }

    private void abortLocked(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue = null;
        queuedChars = 0;
        closeLater(code, reason);
    }

    /**
     * Closing may wait for a stuck send, so it never runs on a publisher's thread; and it waits at
     * most a second for the close frame to get through before Tomcat drops the connection.
     */
    private void closeLater(int code, String reason) {
        limits.closer().execute(() -> {
            try {
                if (session.isOpen()) {
                    session.getUserProperties().put(BLOCKING_SEND_TIMEOUT, CLOSE_TIMEOUT_MS);
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
                }
            } catch (Exception e) {
                log.debug("Closing {} failed", socketId, e);
            }
        });
    }

    // ---------------------------------------------------------------- inbound

    /** Marks a message that was longer than allowed. */
    static final String TOO_BIG = new String("too big");

    /** Joins the parts of one message: the whole message when {@code last}, else null; {@link #TOO_BIG} past the limit. */
    String joinPart(String part, boolean last, int maxChars) {
        if (partial == null) {
            if (last) {
                return part.length() > maxChars ? TOO_BIG : part;
            }
            partial = new StringBuilder(part.length() * 2);
        }
        if (partial.length() + part.length() > maxChars) {
            partial = null;
            return TOO_BIG;
        }
        partial.append(part);
        if (!last) {
            return null;
        }
        String message = partial.toString();
        partial = null;
        return message;
    }

    /** Any message from the client counts as activity (Pusher's rule), and answers a ping. */
    void seen() {
        lastSeenMillis = limits.clock().millis();
        pingedAtMillis = 0;
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    long pingedAtMillis() {
        return pingedAtMillis;
    }

    void pinged() {
        pingedAtMillis = limits.clock().millis();
    }

    /** A token bucket of {@code perSecond} client events, refilled continuously. */
    synchronized boolean takeClientEvent(int perSecond) {
        long now = System.nanoTime();
        if (clientEventTokens < 0) {
            clientEventTokens = perSecond;
        } else {
            clientEventTokens = Math.min(perSecond, clientEventTokens + (now - clientEventTokensAt) * perSecond / 1e9);
        }
        clientEventTokensAt = now;
        if (clientEventTokens < 1) {
            return false;
        }
        clientEventTokens -= 1;
        return true;
    }

    /**
     * Runs the handler of one message after those of the messages before it, also when one of them
     * waits for Redis (a subscribe looking up its grant). Tomcat hands a session's messages over one
     * at a time, so only the completion of a pending step runs elsewhere.
     */
    void inOrder(Supplier<CompletionStage<Void>> handler) {
        if (pending == null || pending.isDone()) {
            CompletableFuture<Void> step = handler.get().toCompletableFuture();
            pending = step.isDone() ? null : step;
        } else {
            pending = pending.handle((ignored, error) -> null).thenCompose(ignored -> handler.get());
        }
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    @Override
    public String toString() {
        return "Connection[" + socketId + "]";
    }
}
