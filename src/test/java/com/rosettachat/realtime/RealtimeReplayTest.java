package com.rosettachat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.PusherSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Missed-event replay: a reconnecting client asks for what it missed since its last {@code seq}. */
class RealtimeReplayTest extends ApiTest {

    @Autowired
    Broadcaster broadcaster;

    /** A socket subscribed to the account's own channel. */
    private PusherSocket subscribed(Account account) {
        return PusherSocket.subscribed(http.base(), http, account.token(), RealtimeChannels.user(account.id()));
    }

    private PusherSocket connect() {
        return PusherSocket.connect(http.base(), "rosetta");
    }

    /**
     * A socket sees event {@code n: 1} of the account's channel and goes away; {@code missed} more
     * events ({@code n: 2...}) are published while it is gone. Returns the sequence it saw.
     */
    private long seenThenAway(Account account, int missed) {
        String channel = RealtimeChannels.user(account.id());
        long lastSeen;
        try (PusherSocket socket = subscribed(account)) {
            broadcaster.publish(channel, "channel.updated", Map.of("data", Map.of("n", 1)));
            lastSeen = PusherSocket.data(socket.await("channel.updated")).path("seq").asLong();
        }
        for (int n = 2; n < 2 + missed; n++) {
            broadcaster.publish(channel, "channel.updated", Map.of("data", Map.of("n", n)));
        }
        return lastSeen;
    }

    @Test
    void aReconnectingClientGetsWhatItMissedThenIsToldWhenItIsTooFarBehind() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        long lastSeen = seenThenAway(account, 2);
        try (PusherSocket socket = subscribed(account)) {
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", lastSeen)));
            JsonNode two = socket.await("channel.updated");
            JsonNode three = socket.await("channel.updated");
            JsonNode completed = socket.await("rosetta:replay_completed");
            assertThat(PusherSocket.data(two).path("seq").asLong()).isEqualTo(lastSeen + 1);
            assertThat(PusherSocket.data(two).at("/data/n").asInt()).isEqualTo(2);
            assertThat(PusherSocket.data(three).path("seq").asLong()).isEqualTo(lastSeen + 2);
            assertThat(completed.path("channel").asString()).isEqualTo(channel);
            assertThat(PusherSocket.data(completed).path("count").asInt()).isEqualTo(2);
            assertThat(PusherSocket.data(completed).path("last_seq").asLong()).isEqualTo(lastSeen + 2);

            // caught up: nothing to send
            socket.send(Map.of("event", "rosetta:replay", "channel", channel, "data", Map.of("since", lastSeen + 2)));
            assertThat(PusherSocket.data(socket.await("rosetta:replay_completed")).path("count").asInt()).isZero();

            // a sequence from before the window (the channel's first event here was lastSeen)
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", lastSeen - 2)));
            JsonNode unavailable = socket.await("rosetta:replay_unavailable");
            assertThat(PusherSocket.data(unavailable).path("last_seq").asLong()).isEqualTo(lastSeen + 2);

            // too old
            clock.advance(Duration.ofMinutes(6));
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", lastSeen)));
            socket.await("rosetta:replay_unavailable");
        }
    }

    @Test
    void replayAndLiveEventsNeitherRepeatNorSkip() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        long lastSeen = seenThenAway(account, 1);
        try (PusherSocket socket = subscribed(account)) {
            broadcaster.publish(channel, "channel.updated", Map.of("data", Map.of("n", 3)));
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", lastSeen)));
            List<JsonNode> frames = new ArrayList<>();
            socket.await("rosetta:replay_completed", frames);
            assertThat(frames).extracting(f -> PusherSocket.data(f).path("seq").asLong())
                    .containsExactly(lastSeen + 2, lastSeen + 1);
        }
    }

    @Test
    void replayNeedsASubscriptionAndAValidSequence() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = connect()) {
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", 1)));
            assertThat(PusherSocket.data(socket.await("pusher:error")).path("code").asInt()).isEqualTo(4009);
        }
        try (PusherSocket socket = subscribed(account)) {
            socket.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", "soon")));
            assertThat(PusherSocket.data(socket.await("pusher:error")).path("code").asInt()).isEqualTo(4200);
        }
    }
}
