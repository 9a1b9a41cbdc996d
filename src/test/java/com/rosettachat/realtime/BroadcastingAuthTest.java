package com.rosettachat.realtime;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /broadcasting/auth}, as pusher-js and Laravel Echo call it. */
class BroadcastingAuthTest extends ApiTest {

    private Http.Response auth(String token, Object body) {
        return http.post("/broadcasting/auth").token(token).json(body).send();
    }

    @Test
    void signsTheCallersOwnChannelForTheSocket() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        Http.Response r = auth(account.token(), Map.of("socket_id", "123.456", "channel_name", channel));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactly("auth");
        assertThat(r.text("/auth")).matches("rosetta:[0-9a-f]{64}");

        Http.Response other = auth(account.token(), Map.of("socket_id", "123.457", "channel_name", channel));
        assertThat(other.text("/auth")).isNotEqualTo(r.text("/auth"));
    }

    @Test
    void acceptsTheFormBodyPusherJsSends() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        byte[] form = ("socket_id=1.2&channel_name=" + channel).getBytes(StandardCharsets.UTF_8);
        Http.Response r = http.post("/broadcasting/auth").token(account.token())
                .body("application/x-www-form-urlencoded", form).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/auth")).startsWith("rosetta:");
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        assertError(auth(null, Map.of("socket_id", "1.2", "channel_name", "private-user.1")), 401, "Unauthenticated.");
        assertError(auth("1|nonsense", Map.of("socket_id", "1.2", "channel_name", "private-user.1")), 401, "Unauthenticated.");
    }

    @Test
    void channelsTheCallerMayNotJoinAreForbidden() {
        Account account = register();
        Account other = register();
        for (String channel : new String[] {RealtimeChannels.user(other.id()), "private-user." + account.id() + "0",
                "private-user.x", "presence-user." + account.id(), "news", "private-something.else",
                "private-encrypted-user." + account.id()}) {
            assertError(auth(account.token(), Map.of("socket_id", "1.2", "channel_name", channel)), 403,
                    "This action is unauthorized.");
        }
    }

    @Test
    void socketIdAndChannelNameAreValidated() {
        String token = register().token();
        assertInvalid(auth(token, Map.of("channel_name", "private-user.1")), "socket_id", "The socket id field is required.");
        assertInvalid(auth(token, Map.of("socket_id", "1.2")), "channel_name", "The channel name field is required.");
        for (String bad : new String[] {"abc", "1", "1.2.3", "1.x", ".1", "1 .2"}) {
            assertInvalid(auth(token, Map.of("socket_id", bad, "channel_name", "private-user.1")), "socket_id",
                    "The socket id field format is invalid.");
        }
        assertInvalid(auth(token, Map.of("socket_id", 12, "channel_name", "private-user.1")), "socket_id",
                "The socket id field must be a string.");
        assertInvalid(auth(token, Map.of("socket_id", "1.2", "channel_name", "private-user.1 <script>")), "channel_name",
                "The channel name field format is invalid.");
        assertInvalid(auth(token, Map.of("socket_id", "1.2", "channel_name", "private-" + "a".repeat(200))), "channel_name",
                "The channel name field must not be greater than 200 characters.");
    }
}
