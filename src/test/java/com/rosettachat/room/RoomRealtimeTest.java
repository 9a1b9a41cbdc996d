package com.rosettachat.room;

import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.support.Http;
import com.rosettachat.support.PusherSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A room's guests listen on {@code private-room.{id}} with their guest token, in their own language. */
class RoomRealtimeTest extends RoomTestSupport {

    private Http.Response auth(Http.Call call, String channel) {
        return call.json(Map.of("socket_id", "12.34", "channel_name", channel)).send();
    }

    @Test
    void aGuestHearsTheRoomInTheirLanguageAndNothingElse() {
        Account owner = register();
        Room room = room(owner);
        Room other = room(owner, Map.of("name", "Elsewhere"));
        Guest guest = guest(room, "Mei", "ja");
        String channel = RealtimeChannels.room(room.id());

        assertThat(auth(asGuest(http.post("/broadcasting/auth"), guest), RealtimeChannels.room(other.id())).status())
                .isEqualTo(403);
        assertThat(auth(asGuest(http.post("/broadcasting/auth"), guest),
                RealtimeChannels.workspaceChannel(room.workspaceId(), room.channelId())).status()).isEqualTo(403);
        assertThat(auth(http.post("/broadcasting/auth"), channel).status()).isEqualTo(401);
        // The owner may listen too, as the reader of the room's channel.
        assertThat(auth(http.post("/broadcasting/auth").token(owner.token()), channel).status()).isEqualTo(200);

        try (PusherSocket socket = PusherSocket.connect(http.base(), "rosetta")) {
            // pusher-js clients often send whatever token they hold as a bearer: a guest token works there too.
            Http.Response granted = http.post("/broadcasting/auth").header("Authorization", "Bearer " + guest.token())
                    .json(Map.of("socket_id", socket.socketId(), "channel_name", channel)).send();
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
            socket.subscribe(channel, granted.text("/auth"));
            socket.await("pusher_internal:subscription_succeeded");

            String text = "Your order shipped today #" + System.nanoTime();
            Http.Response posted = http.post(room.channelMessages()).token(owner.token())
                    .json(Map.of("content", text)).send();
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

            JsonNode created = PusherSocket.data(socket.await("message.created"));
            assertThat(created.at("/data/id").asString()).isEqualTo(posted.text("/data/id"));
            JsonNode inJapanese = PusherSocket.data(socket.await("message.translated"));
            assertThat(inJapanese.at("/data/display_content").asString()).isEqualTo(translated("ja", text));
        }
    }

    @Test
    void closingTheRoomEndsItsGuestsSubscriptions() {
        Account owner = register();
        Room room = room(owner);
        Guest guest = guest(room, "Ken", "en");
        String channel = RealtimeChannels.room(room.id());
        try (PusherSocket socket = PusherSocket.connect(http.base(), "rosetta")) {
            Http.Response granted = asGuest(http.post("/broadcasting/auth"), guest)
                    .json(Map.of("socket_id", socket.socketId(), "channel_name", channel)).send();
            socket.subscribe(channel, granted.text("/auth"));
            socket.await("pusher_internal:subscription_succeeded");

            assertThat(http.delete(ROOMS + "/" + room.id()).token(owner.token()).send().status()).isEqualTo(200);
            JsonNode dropped = socket.await("pusher:subscription_error");
            assertThat(dropped.path("channel").asString()).isEqualTo(channel);
            assertThat(PusherSocket.data(dropped).path("status").asInt()).isEqualTo(403);
        }
        Http.Response again = auth(asGuest(http.post("/broadcasting/auth"), guest), channel);
        assertThat(again.status()).as(again.toString()).isEqualTo(403);
    }
}
