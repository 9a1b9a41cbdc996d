package com.rosettachat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.PusherSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Presence channels: member lists, joins and leaves counted per member rather than per socket. */
class RealtimePresenceTest extends ApiTest {

    private final String channel = "presence-test." + System.nanoTime();

    private PusherSocket join(Account account) {
        PusherSocket socket = PusherSocket.connect(http.base(), "rosetta");
        Http.Response r = http.post("/broadcasting/auth").token(account.token())
                .json(Map.of("socket_id", socket.socketId(), "channel_name", channel)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode channelData = Http.JSON.readTree(r.text("/channel_data"));
        assertThat(channelData.path("user_id").asString()).isEqualTo(Long.toString(account.id()));
        assertThat(channelData.at("/user_info/name").asString()).isEqualTo("user " + account.id());
        socket.send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel,
                "auth", r.text("/auth"), "channel_data", r.text("/channel_data"))));
        return socket;
    }

    @Test
    void membersSeeEachOtherJoinAndLeave() {
        Account ann = register();
        Account bob = register();
        String annId = Long.toString(ann.id());
        String bobId = Long.toString(bob.id());
        try (PusherSocket annSocket = join(ann)) {
            JsonNode alone = PusherSocket.data(annSocket.await("pusher_internal:subscription_succeeded")).path("presence");
            assertThat(alone.path("count").asInt()).isEqualTo(1);
            assertThat(alone.at("/hash/" + annId + "/name").asString()).isEqualTo("user " + annId);

            PusherSocket bobPhone = join(bob);
            JsonNode both = PusherSocket.data(bobPhone.await("pusher_internal:subscription_succeeded")).path("presence");
            assertThat(both.path("count").asInt()).isEqualTo(2);
            assertThat(both.path("ids").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(annId, bobId);
            JsonNode added = annSocket.await("pusher_internal:member_added");
            assertThat(PusherSocket.data(added).path("user_id").asString()).isEqualTo(bobId);
            assertThat(PusherSocket.data(added).at("/user_info/name").asString()).isEqualTo("user " + bobId);

            // a second socket of the same member is no new member
            PusherSocket bobLaptop = join(bob);
            bobLaptop.await("pusher_internal:subscription_succeeded");
            assertThat(annSocket.drain()).isEmpty();

            bobLaptop.send(Map.of("event", "client-typing", "channel", channel, "data", Map.of()));
            assertThat(annSocket.await("client-typing").path("user_id").asString()).isEqualTo(bobId);

            bobPhone.send(Map.of("event", "pusher:unsubscribe", "data", Map.of("channel", channel)));
            bobPhone.drain();
            assertThat(annSocket.drain()).as("Bob is still here on his laptop").isEmpty();
            bobLaptop.close();
            JsonNode removed = annSocket.await("pusher_internal:member_removed");
            assertThat(PusherSocket.data(removed).path("user_id").asString()).isEqualTo(bobId);
            bobPhone.close();
        }
    }

    @Test
    void presenceChannelDataMustBeTheSignedOne() {
        Account ann = register();
        try (PusherSocket socket = PusherSocket.connect(http.base(), "rosetta")) {
            Http.Response r = http.post("/broadcasting/auth").token(ann.token())
                    .json(Map.of("socket_id", socket.socketId(), "channel_name", channel)).send();
            socket.send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel, "auth", r.text("/auth"),
                    "channel_data", "{\"user_id\":\"1\",\"user_info\":{\"name\":\"admin\"}}")));
            assertThat(PusherSocket.data(socket.await("pusher:error")).path("code").asInt()).isEqualTo(4009);
            socket.send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel, "auth", r.text("/auth"))));
            assertThat(PusherSocket.data(socket.await("pusher:error")).path("code").asInt()).isEqualTo(4009);
        }
    }
}
