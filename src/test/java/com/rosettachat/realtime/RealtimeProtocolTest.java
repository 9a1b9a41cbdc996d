package com.rosettachat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.PusherSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The Pusher protocol on {@code /app/{key}}, spoken by a plain WebSocket client. */
class RealtimeProtocolTest extends ApiTest {

    @Autowired
    Broadcaster broadcaster;

    private PusherSocket connect() {
        return PusherSocket.connect(http.base(), "rosetta");
    }

    private String auth(Account account, String socketId, String channel) {
        return PusherSocket.authorize(http, account.token(), socketId, channel);
    }

    /** A socket subscribed to the account's own channel. */
    private PusherSocket subscribed(Account account) {
        return PusherSocket.subscribed(http.base(), http, account.token(), RealtimeChannels.user(account.id()));
    }

    @Test
    void handshakeCarriesSocketIdAndActivityTimeoutAsJsonText() {
        try (PusherSocket socket = PusherSocket.open(http.base(), "rosetta")) {
            JsonNode established = socket.next();
            assertThat(established.path("event").asString()).isEqualTo("pusher:connection_established");
            JsonNode data = PusherSocket.data(established);
            assertThat(data.path("socket_id").asString()).matches("\\d+\\.\\d+");
            assertThat(data.path("activity_timeout").asInt()).isEqualTo(30);
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (PusherSocket socket = connect()) {
            socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            JsonNode pong = socket.next();
            assertThat(pong.path("event").asString()).isEqualTo("pusher:pong");
        }
    }

    @Test
    void aSilentSocketIsPingedThenClosedWhenItDoesNotAnswer() {
        try (PusherSocket answering = connect(); PusherSocket silent = connect()) {
            clock.advance(Duration.ofSeconds(31));
            answering.await("pusher:ping");
            silent.await("pusher:ping");
            answering.send(Map.of("event", "pusher:pong", "data", Map.of()));
            clock.advance(Duration.ofSeconds(31));
            assertThat(silent.closeCode()).isEqualTo(4201);
            assertThat(answering.isClosed()).isFalse();
        }
    }

    @Test
    void anUnknownAppKeyIsRefusedWith4001AndClosed() {
        try (PusherSocket socket = PusherSocket.open(http.base(), "not-our-key")) {
            JsonNode error = socket.next();
            assertThat(error.path("event").asString()).isEqualTo("pusher:error");
            assertThat(PusherSocket.data(error).path("code").asInt()).isEqualTo(4001);
            assertThat(PusherSocket.data(error).path("message").asString()).isEqualTo("Application does not exist");
            assertThat(socket.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void malformedMessagesAreAnsweredWith4200() {
        try (PusherSocket socket = connect()) {
            for (String bad : new String[] {"{", "[]", "\"x\"", "{\"event\":42}", "{\"event\":\"pusher:nonsense\"}",
                    "{\"event\":\"pusher:subscribe\",\"data\":{}}", "{\"event\":\"pusher:unsubscribe\"}"}) {
                socket.send(bad);
                JsonNode error = socket.await("pusher:error");
                assertThat(PusherSocket.data(error).path("code").asInt()).as(bad).isEqualTo(4200);
                assertThat(PusherSocket.data(error).path("message").asString()).isEqualTo("Invalid message format");
            }
        }
    }

    @Test
    void subscribedSocketReceivesEventsRenderedInItsReadersLanguageWithSequence() {
        Account account = register();
        http.patch("/api/v1/me").token(account.token()).json(Map.of("preferred_language", "ja")).send();
        try (PusherSocket socket = subscribed(account)) {
            String channel = RealtimeChannels.user(account.id());
            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "hi-" + language)));
            broadcaster.publishPerLanguage(channel, "message.created", language -> Map.of("data", Map.of("text", "again-" + language)));
            JsonNode first = socket.await("message.created");
            JsonNode second = socket.await("message.created");
            assertThat(first.path("channel").asString()).isEqualTo(channel);
            assertThat(PusherSocket.data(first).at("/data/text").asString()).isEqualTo("hi-ja");
            assertThat(PusherSocket.data(second).at("/data/text").asString()).isEqualTo("again-ja");
            long seq = PusherSocket.data(first).path("seq").asLong();
            assertThat(seq).isPositive();
            assertThat(PusherSocket.data(second).path("seq").asLong()).isEqualTo(seq + 1);
        }
    }

    @Test
    void aSignatureThatDoesNotMatchIsRefusedWith4009() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = connect(); PusherSocket other = connect()) {
            String valid = auth(account, socket.socketId(), channel);
            String forged = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
            for (String bad : new String[] {forged, "rosetta:", "", "other-key" + valid.substring(valid.indexOf(':')),
                    auth(account, other.socketId(), channel)}) {
                socket.subscribe(channel, bad);
                JsonNode error = socket.await("pusher:error");
                assertThat(PusherSocket.data(error).path("code").asInt()).as(bad).isEqualTo(4009);
                assertThat(PusherSocket.data(error).path("message").asString()).isEqualTo("Connection is unauthorized");
                assertThat(error.path("channel").asString()).isEqualTo(channel);
            }
            broadcaster.publish(channel, "member.joined", Map.of("data", Map.of()));
            assertThat(socket.drain()).isEmpty();
        }
    }

    @Test
    void thereAreNoPublicChannels() {
        try (PusherSocket socket = connect()) {
            socket.send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", "news")));
            JsonNode error = socket.await("pusher:error");
            assertThat(PusherSocket.data(error).path("code").asInt()).isEqualTo(4009);
        }
    }

    @Test
    void unsubscribedSocketsReceiveNothingMore() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = subscribed(account)) {
            socket.send(Map.of("event", "pusher:unsubscribe", "data", Map.of("channel", channel)));
            socket.drain();
            broadcaster.publish(channel, "member.joined", Map.of("data", Map.of()));
            assertThat(socket.drain()).isEmpty();
        }
    }

    @Test
    void clientEventsReachTheOtherMembersOnlyWithTheSendersUserId() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket phone = subscribed(account); PusherSocket laptop = subscribed(account); PusherSocket outsider = connect()) {
            phone.send(Map.of("event", "client-typing", "channel", channel, "data", Map.of("typing", true)));
            JsonNode typing = laptop.await("client-typing");
            assertThat(typing.path("channel").asString()).isEqualTo(channel);
            assertThat(typing.path("user_id").asString()).isEqualTo(Long.toString(account.id()));
            assertThat(PusherSocket.data(typing).path("typing").asBoolean()).isTrue();
            assertThat(phone.drain()).isEmpty();

            // longer than the server's per-socket message buffer: arrives in parts, is joined, passed on whole
            String draft = "ทดสอบ 測試 ".repeat(500);
            phone.send(Map.of("event", "client-draft", "channel", channel, "data", Map.of("text", draft)));
            assertThat(PusherSocket.data(laptop.await("client-draft")).path("text").asString()).isEqualTo(draft);

            outsider.send(Map.of("event", "client-typing", "channel", channel, "data", Map.of("typing", true)));
            JsonNode refused = outsider.await("pusher:error");
            assertThat(PusherSocket.data(refused).path("code").asInt()).isEqualTo(4009);
            assertThat(PusherSocket.data(refused).path("message").asString())
                    .isEqualTo("The client is not a member of the specified channel.");
            assertThat(laptop.drain()).isEmpty();
        }
    }

    @Test
    void clientEventsAreRateLimited() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = subscribed(account)) {
            for (int i = 0; i < 15; i++) {
                socket.send(Map.of("event", "client-typing", "channel", channel, "data", Map.of("n", i)));
            }
            JsonNode error = socket.await("pusher:error");
            assertThat(PusherSocket.data(error).path("code").asInt()).isEqualTo(4301);
        }
    }

    @Test
    void aDeactivatedUsersSubscriptionsEndAtOnce() {
        Account account = register();
        Account admin = admin();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = subscribed(account)) {
            http.patch("/api/v1/admin/users/" + account.id()).token(admin.token()).json(Map.of("is_active", false)).send();
            JsonNode revoked = socket.await("pusher:subscription_error");
            assertThat(revoked.path("channel").asString()).isEqualTo(channel);
            assertThat(PusherSocket.data(revoked).path("status").asInt()).isEqualTo(403);
            broadcaster.publish(channel, "member.joined", Map.of("data", Map.of()));
            assertThat(socket.drain()).isEmpty();
        }
    }

    @Test
    void aNewPreferredLanguageAppliesToTheEventsThatFollow() throws InterruptedException {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket socket = subscribed(account)) {
            http.patch("/api/v1/me").token(account.token()).json(Map.of("preferred_language", "th")).send();
            String seen = null;
            for (int attempt = 0; attempt < 50 && !"th".equals(seen); attempt++) {
                broadcaster.publishPerLanguage(channel, "message.updated", language -> Map.of("data", Map.of("lang", language)));
                seen = PusherSocket.data(socket.await("message.updated")).at("/data/lang").asString();
                Thread.sleep(100); // the recheck runs in the background
            }
            assertThat(seen).isEqualTo("th");
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedInsteadOfBufferedWithoutBound() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        String big = "x".repeat(64 * 1024);
        try (PusherSocket slow = subscribed(account); PusherSocket healthy = subscribed(account)) {
            slow.pause();
            // far more than the kernel's socket buffers and the 1 MB per-socket queue together
            for (int i = 0; i < 400; i++) {
                broadcaster.publish(channel, "message.updated", Map.of("data", Map.of("text", big, "n", i)));
                healthy.await("message.updated");
            }
            slow.resume();
            // 4100 when the close frame still got through, else the connection was just dropped (1006, or a reset)
            assertThat(slow.closeCode()).isIn(4100, 1006, -1);
            assertThat(healthy.isClosed()).isFalse();
        }
    }

    @Test
    void framesLongerThanTheLimitCloseTheSocket() {
        try (PusherSocket socket = connect()) {
            socket.send("{\"event\":\"client-x\",\"data\":\"" + "x".repeat(40_000) + "\"}");
            assertThat(socket.closeCode()).isEqualTo(1009);
        }
    }
}
