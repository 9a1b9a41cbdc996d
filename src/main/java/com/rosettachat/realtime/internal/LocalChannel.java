package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Subscriber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sockets of this node subscribed to one channel, grouped by reader language so that an
 * event is framed once per language and the same text is written to every socket of the group.
 * Presence channels also count each member's sockets. Guarded by its own lock, which also orders
 * deliveries and replays of the channel.
 */
final class LocalChannel {

    final String name;
    private final boolean presence;
    private final Map<String, List<Subscription>> byLanguage = new HashMap<>(4);
    private final Map<String, Member> members;
    private int size;
    /** Set when the last subscriber left and the channel was taken out of the hub; a late joiner must start a new one. */
    private boolean closed;

    /** A presence member: their info as JSON text and how many of their sockets are here. */
    private static final class Member {
        final String infoJson;
        int sockets;

        Member(String infoJson) {
            this.infoJson = infoJson;
        }
    }

    LocalChannel(String name, boolean presence) {
        this.name = name;
        this.presence = presence;
        this.members = presence ? new LinkedHashMap<>() : null;
    }

    synchronized boolean closed() {
        return closed;
    }

    /**
     * Adds the subscription and sends {@code subscription_succeeded} under this channel's lock, so
     * that no event of the channel reaches the socket before it; for presence, true when the
     * member was not here before. Null when this channel closed meanwhile (the caller retries).
     */
    synchronized Boolean addAndConfirm(Subscription subscription, String memberId, String infoJson) {
        if (closed) {
            return null;
        }
        byLanguage.computeIfAbsent(subscription.language(), l -> new ArrayList<>(2)).add(subscription);
        size++;
        boolean newMember = false;
        if (presence) {
            Member member = members.computeIfAbsent(memberId, id -> new Member(infoJson));
            newMember = member.sockets++ == 0;
        }
        subscription.connection.send(Frames.subscriptionSucceeded(name, subscriptionData()));
        return newMember;
    }

    /** Removes the subscription; for presence, true when it was its member's last socket here. */
    synchronized boolean remove(Subscription subscription, String memberId) {
        List<Subscription> group = byLanguage.get(subscription.language());
        if (group == null || !group.remove(subscription)) {
            return false;
        }
        if (group.isEmpty()) {
            byLanguage.remove(subscription.language());
        }
        size--;
        closed = size == 0;
        if (!presence) {
            return false;
        }
        Member member = members.get(memberId);
        if (member != null && --member.sockets == 0) {
            members.remove(memberId);
            return true;
        }
        return false;
    }

    /** Moves a subscription to another language group after a recheck changed its reader's language. */
    synchronized void relanguage(Subscription subscription, Subscriber updated) {
        List<Subscription> group = byLanguage.get(subscription.language());
        if (group != null && group.remove(subscription)) {
            if (group.isEmpty()) {
                byLanguage.remove(subscription.language());
            }
            subscription.subscriber = updated;
            byLanguage.computeIfAbsent(updated.language(), l -> new ArrayList<>(2)).add(subscription);
        } else {
            subscription.subscriber = updated;
        }
    }

    /** Writes a server event, framed once per language present, to every subscriber. */
    synchronized void deliver(String event, long seq, Payload payload) {
        for (Map.Entry<String, List<Subscription>> group : byLanguage.entrySet()) {
            String frame = Frames.event(event, name, Frames.withSeq(payload.json(group.getKey()), seq));
            for (Subscription subscription : group.getValue()) {
                if (seq <= subscription.replayedThrough) {
                    continue;
                }
                if (subscription.firstLiveSeq == 0) {
                    subscription.firstLiveSeq = seq;
                }
                subscription.connection.send(frame);
            }
        }
    }

    /** Writes one frame to every subscriber but the sender (client events, presence changes). */
    synchronized void deliverToOthers(String frame, String exceptSocketId) {
        for (List<Subscription> group : byLanguage.values()) {
            for (Subscription subscription : group) {
                if (!subscription.connection.socketId.equals(exceptSocketId)) {
                    subscription.connection.send(frame);
                }
            }
        }
    }

    /**
     * Answers a replay: the missed events before the first live one, in the subscriber's language,
     * then {@code rosetta:replay_completed}; live events the replay already sent are skipped later.
     */
    synchronized void replay(Subscription subscription, long since, ReplayWindow.Result result) {
        Connection connection = subscription.connection;
        if (!result.available()) {
            connection.send(Frames.event(ReplayWindow.UNAVAILABLE, name,
                    "{\"since\":" + since + ",\"last_seq\":" + result.lastSeq() + "}"));
            return;
        }
        int sent = 0;
        long through = subscription.replayedThrough;
        for (ReplayWindow.Logged logged : result.events()) {
            if (subscription.firstLiveSeq != 0 && logged.seq() >= subscription.firstLiveSeq) {
                break;
            }
            if (logged.seq() <= through) {
                continue;
            }
            connection.send(Frames.event(logged.event(), name,
                    Frames.withSeq(logged.payload().json(subscription.language()), logged.seq())));
            through = logged.seq();
            sent++;
        }
        if (subscription.firstLiveSeq == 0) {
            subscription.replayedThrough = through;
        }
        connection.send(Frames.event(ReplayWindow.COMPLETED, name,
                "{\"since\":" + since + ",\"last_seq\":" + Math.max(result.lastSeq(), through) + ",\"count\":" + sent + "}"));
    }

    /** {@code pusher_internal:subscription_succeeded} data: the member list on presence channels. */
    synchronized String subscriptionData() {
        if (!presence) {
            return "{}";
        }
        StringBuilder ids = new StringBuilder("[");
        StringBuilder hash = new StringBuilder("{");
        for (Map.Entry<String, Member> member : members.entrySet()) {
            if (ids.length() > 1) {
                ids.append(',');
                hash.append(',');
            }
            ids.append(Frames.quote(member.getKey()));
            hash.append(Frames.quote(member.getKey())).append(':').append(member.getValue().infoJson);
        }
        return "{\"presence\":{\"ids\":" + ids + "],\"hash\":" + hash + "},\"count\":" + members.size() + "}}";
    }

    synchronized List<Subscription> subscriptions(Predicate<Subscription> filter) {
        List<Subscription> matching = new ArrayList<>();
        for (List<Subscription> group : byLanguage.values()) {
            for (Subscription subscription : group) {
                if (filter.test(subscription)) {
                    matching.add(subscription);
                }
            }
        }
        return matching;
    }
}
