package com.rosettachat.realtime.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Missed-event replay. A client that saw {@code seq} N asks for what came after; the answer is
 * complete only when the window still holds N+1 onwards (sequences are contiguous within a
 * channel's life), else the client is told to refetch history. The same rule serves the
 * in-memory window ({@link Log}) and the Redis one.
 */
final class ReplayWindow {

    static final String REQUEST = "rosetta:replay";
    static final String COMPLETED = "rosetta:replay_completed";
    static final String UNAVAILABLE = "rosetta:replay_unavailable";

    private ReplayWindow() {
    }

    record Logged(long seq, long atMillis, String event, Payload payload) {
    }

    record Result(boolean available, long lastSeq, List<Logged> events) {
    }

    /**
     * @param window         the retained events, oldest first
     * @param oldestAllowed  events published before this (epoch millis) count as lost
     */
    static Result answer(long since, long lastSeq, List<Logged> window, long oldestAllowed) {
        if (since > lastSeq) {
            return new Result(false, lastSeq, List.of());
        }
        List<Logged> missed = new ArrayList<>();
        for (Logged logged : window) {
            if (logged.seq() > since && logged.atMillis() >= oldestAllowed) {
                missed.add(logged);
            }
        }
        if (since == lastSeq) {
            return new Result(true, lastSeq, List.of());
        }
        boolean complete = !missed.isEmpty() && missed.get(0).seq() == since + 1;
        return new Result(complete, lastSeq, complete ? missed : List.of());
    }

    /**
     * The sequence and window of one channel on a node without Redis. The first sequence is
     * seeded from the clock ({@code millis × 1000 + 1}), so that numbers keep growing across
     * restarts and evictions of the window although nothing is stored. Guarded by its own lock,
     * which also orders the channel's deliveries.
     */
    static final class Log {
        private final ArrayDeque<Logged> events = new ArrayDeque<>();
        private long lastSeq;

        Log(long nowMillis) {
            this.lastSeq = nowMillis * 1000;
        }

        long append(String event, Payload payload, long nowMillis, int maxEvents, long oldestAllowed) {
            long seq = ++lastSeq;
            events.addLast(new Logged(seq, nowMillis, event, payload));
            while (events.size() > maxEvents || (!events.isEmpty() && events.peekFirst().atMillis() < oldestAllowed)) {
                events.removeFirst();
            }
            return seq;
        }

        Result since(long since, long oldestAllowed) {
            return answer(since, lastSeq, List.copyOf(events), oldestAllowed);
        }
    }
}
