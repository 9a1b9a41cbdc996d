package com.rosettachat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.shared.security.AppKey;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.PusherSocket;
import com.rosettachat.support.Team;
import com.rosettachat.support.TestRedis;
import com.rosettachat.support.TestServerNode;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two server nodes (child JVMs) on this suite's database and one real Redis: authorization,
 * events, sequence numbers, replay, client events and revocations cross from one to the other.
 * Neither node is given a realtime secret: both derive it from the application key they share.
 */
class TwoNodeRealtimeTest extends ApiTest {

    private static TestServerNode nodeA;
    private static TestServerNode nodeB;
    private static RuntimeException failedStart;

    @Autowired
    AppKey appKey;

    @BeforeEach
    void startNodes() {
        if (failedStart != null) {
            throw failedStart;
        }
        if (nodeA == null) {
            Map<String, String> cluster = Map.of(
                    "rosetta.app-key", "base64:" + Base64.getEncoder().encodeToString(appKey.bytes()),
                    "rosetta.realtime.redis-url", TestRedis.url(),
                    "rosetta.realtime.redis-prefix", "rosetta:two-node:");
            CompletableFuture<TestServerNode> a = CompletableFuture.supplyAsync(() -> TestServerNode.start("a", cluster));
            CompletableFuture<TestServerNode> b = CompletableFuture.supplyAsync(() -> TestServerNode.start("b", cluster));
            try {
                nodeA = a.join();
                nodeB = b.join();
            } catch (RuntimeException e) {
                failedStart = e;
                a.thenAccept(TestServerNode::close);
                b.thenAccept(TestServerNode::close);
                throw e;
            }
        }
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    /** A socket on {@code socketNode} subscribed to the account's channel with an authorization from {@code authNode}. */
    private static PusherSocket subscribe(TestServerNode socketNode, TestServerNode authNode, Account account) {
        return PusherSocket.subscribed(socketNode.base(), authNode.http(), account.token(),
                RealtimeChannels.user(account.id()));
    }

    private static void publish(TestServerNode node, String channel, String text) {
        Http.Response r = node.http().post("/test-node/publish")
                .json(Map.of("channel", channel, "event", "message.created", "text", text)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static long seq(JsonNode frame) {
        return PusherSocket.data(frame).path("seq").asLong();
    }

    @Test
    void eventsPublishedOnOneNodeReachSocketsOnTheOtherWithOneSequence() {
        Account account = register();
        String channel = RealtimeChannels.user(account.id());
        long first;
        try (PusherSocket onB = subscribe(nodeB, nodeA, account)) {
            publish(nodeA, channel, "from A");
            JsonNode fromA = onB.await("message.created");
            assertThat(PusherSocket.data(fromA).at("/data/text").asString()).isEqualTo("from A en");
            first = seq(fromA);
            publish(nodeB, channel, "from B");
            JsonNode fromB = onB.await("message.created");
            assertThat(PusherSocket.data(fromB).at("/data/text").asString()).isEqualTo("from B en");
            assertThat(seq(fromB)).isEqualTo(first + 1);
        }
        // missed while away, replayed by the other node from the shared window
        publish(nodeB, channel, "missed one");
        publish(nodeA, channel, "missed two");
        try (PusherSocket onA = subscribe(nodeA, nodeB, account)) {
            onA.send(Map.of("event", "rosetta:replay", "data", Map.of("channel", channel, "since", first + 1)));
            JsonNode one = onA.await("message.created");
            JsonNode two = onA.await("message.created");
            assertThat(PusherSocket.data(one).at("/data/text").asString()).isEqualTo("missed one en");
            assertThat(seq(one)).isEqualTo(first + 2);
            assertThat(seq(two)).isEqualTo(first + 3);
            assertThat(PusherSocket.data(onA.await("rosetta:replay_completed")).path("count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aMessagePostedThroughOneNodeReachesAChannelSubscriberOnTheOther() {
        Team team = Team.create(http, this::register);
        String channel = RealtimeChannels.workspaceChannel(team.workspaceId(), team.defaultChannelId());
        try (PusherSocket onB = PusherSocket.subscribed(nodeB.base(), nodeB.http(), team.member().token(), channel)) {

            String text = "posted on node A #" + System.nanoTime();
            Http.Response posted = nodeA.http().post(team.path("/channels/" + team.defaultChannelId() + "/messages"))
                    .token(team.owner().token()).json(Map.of("content", text)).send();
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            JsonNode created = PusherSocket.data(onB.await("message.created"));
            assertThat(created.at("/data/id").asString()).isEqualTo(posted.text("/data/id"));
            assertThat(created.at("/data/original_content").asString()).isEqualTo(text);
        }
    }

    @Test
    void clientEventsAndRevocationsCrossNodes() {
        Account account = register();
        Account admin = admin();
        String channel = RealtimeChannels.user(account.id());
        try (PusherSocket onA = subscribe(nodeA, nodeA, account); PusherSocket onB = subscribe(nodeB, nodeB, account)) {
            onA.send(Map.of("event", "client-typing", "channel", channel, "data", Map.of("typing", true)));
            JsonNode typing = onB.await("client-typing");
            assertThat(typing.path("user_id").asString()).isEqualTo(Long.toString(account.id()));
            assertThat(onA.drain()).isEmpty();

            Http.Response r = nodeA.http().patch("/api/v1/admin/users/" + account.id()).token(admin.token())
                    .json(Map.of("is_active", false)).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(PusherSocket.data(onB.await("pusher:subscription_error")).path("status").asInt()).isEqualTo(403);
            assertThat(PusherSocket.data(onA.await("pusher:subscription_error")).path("status").asInt()).isEqualTo(403);
        }
    }
}
